package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientBatchSize;
import kz.health.sanepid.reissuance.StartRecipients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartRecipientBatch: one recipient instance per candidate, a batch per job; writes {@code candidatesLeft}. */
@Component("sduStartRecipientBatch")
public class StartRecipientBatchDelegate implements JavaDelegate {

    private final StartRecipients useCase;
    private final RecipientBatchSize batchSize;

    public StartRecipientBatchDelegate(StartRecipients useCase, RecipientBatchSize batchSize) {
        this.batchSize = batchSize;
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("candidatesLeft", useCase.startBatch((String) execution.getVariable("runId"), batchSize.get()));
    }
}
