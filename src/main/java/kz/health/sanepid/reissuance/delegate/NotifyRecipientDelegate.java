package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.OfferSms;
import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyConsentFollows, Task_NotifyReissued, Task_NotifyRefusal: 004 App.2 items 12, 15 and order item 4.2;
 * the notice is the task's input {@code notice}.
 */
@Component("sduNotifyRecipient")
public class NotifyRecipientDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public NotifyRecipientDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.notifyRecipient(execution.getProcessBusinessKey(),
                OfferSms.Notice.valueOf((String) execution.getVariable("notice")));
    }
}
