package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.SduSettings;
import kz.health.sanepid.reissuance.StartRecipients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartRecipientBatch: one recipient instance per candidate, a batch per job; writes {@code candidatesLeft}. */
@Component("sduStartRecipientBatch")
public class StartRecipientBatchDelegate implements JavaDelegate {

    private final StartRecipients useCase;
    private final SduSettings settings;

    public StartRecipientBatchDelegate(StartRecipients useCase, SduSettings settings) {
        this.settings = settings;
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("candidatesLeft", useCase.startBatch((String) execution.getVariable("runId"), settings.getBatchSize()));
    }
}
