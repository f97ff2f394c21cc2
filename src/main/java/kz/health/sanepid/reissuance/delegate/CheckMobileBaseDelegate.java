package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckMobileBase: 004 App.2 items 9, 10; writes {@code hasPhone}. */
@Component("sduCheckMobileBase")
public class CheckMobileBaseDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public CheckMobileBaseDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean found = useCase.findPhone(execution.getProcessBusinessKey(), (String) execution.getVariable("recipientIin"))
                .isPresent();
        execution.setVariable("hasPhone", found);
    }
}
