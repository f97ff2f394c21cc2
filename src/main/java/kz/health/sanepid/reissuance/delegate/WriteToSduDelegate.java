package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WriteToSdu: 004 App.2 item 12. */
@Component("sduWriteToSdu")
public class WriteToSduDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public WriteToSduDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.writeToSdu(execution.getProcessBusinessKey());
    }
}
