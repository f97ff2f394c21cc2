package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ends of a consent request through the ДҚБ service, each recorded in the journal with the respondent, the
 * ground on which they answered and the service's request id, and returned to the caller as {@code consentOutcome}.
 */
@Configuration
public class RecordConsentAnswerDelegates {

    /** The respondent granted (Law 94-V art. 8). */
    @Bean("recordConsentGranted")
    JavaDelegate recordConsentGranted(ConsentOutcomes outcomes) {
        return execution -> finish(execution, outcomes, ConsentEventType.GRANTED, ConsentOutcomes.CONSENT_SERVICE,
                OUTCOME_GRANTED);
    }

    /** The respondent refused: the data may not be processed on consent. */
    @Bean("recordConsentRefused")
    JavaDelegate recordConsentRefused(ConsentOutcomes outcomes) {
        return execution -> finish(execution, outcomes, ConsentEventType.REFUSED, ConsentOutcomes.CONSENT_SERVICE,
                OUTCOME_REFUSED);
    }

    /** No answer within {@code sanepid.consent.answer-timeout}: no consent. */
    @Bean("recordConsentExpired")
    JavaDelegate recordConsentExpired(ConsentOutcomes outcomes) {
        return execution -> finish(execution, outcomes, ConsentEventType.EXPIRED, ConsentOutcomes.SYSTEM,
                OUTCOME_EXPIRED);
    }

    private static void finish(DelegateExecution execution, ConsentOutcomes outcomes, ConsentEventType type,
                               String recordedBy, String outcome) {
        Object answeredAt = execution.getVariable(CONSENT_ANSWERED_AT);
        outcomes.record(type, ConsentVariables.askedFacts(execution), recordedBy,
                answeredAt == null ? null : "answered at " + answeredAt);
        execution.setVariable(CONSENT_OUTCOME, outcome);
    }
}
