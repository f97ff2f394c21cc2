package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the request through the ДҚБ port (004 item 4.2) and reads its immediate status: the service may already
 * have an answer, in which case the process does not wait.
 */
@Component("requestConsent")
public class RequestConsentDelegate implements JavaDelegate {

    private final ConsentRequests requests;

    public RequestConsentDelegate(ConsentRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsentRequests.Sent sent = requests.send(ConsentVariables.askedFacts(execution));
        execution.setVariable(CONSENT_REQUEST_ID, sent.requestId());
        execution.setVariable(CONSENT_ANSWER, sent.status().name());
    }
}
