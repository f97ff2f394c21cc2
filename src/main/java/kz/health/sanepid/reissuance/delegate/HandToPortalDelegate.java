package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_HandToPortal: 004 App.2 item 7. */
@Component("sduHandToPortal")
public class HandToPortalDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public HandToPortalDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.handToPortal(execution.getProcessBusinessKey());
    }
}
