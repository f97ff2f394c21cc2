package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendSms / Task_ResendSms: 004 App.2 items 11, 13; the attempt is the task's input {@code smsAttempt}. */
@Component("sduSendOfferSms")
public class SendOfferSmsDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public SendOfferSmsDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.sendOffer(execution.getProcessBusinessKey(), ((Number) execution.getVariable("smsAttempt")).intValue());
    }
}
