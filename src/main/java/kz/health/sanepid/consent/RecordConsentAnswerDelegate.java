package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * An end of a consent request through the ДҚБ service, recorded in the journal with the respondent, the ground on
 * which they answered and the service's request id ({@link ConsentOutcomes#recordAnswer}), and returned to the
 * caller as {@code consentOutcome}. One subclass per end: {@code recordConsentGranted}, {@code recordConsentRefused},
 * {@code recordConsentExpired}.
 */
abstract class RecordConsentAnswerDelegate implements JavaDelegate {

    private final ConsentOutcomes outcomes;
    private final ConsentEventType type;
    private final String recordedBy;
    private final String outcome;

    RecordConsentAnswerDelegate(ConsentOutcomes outcomes, ConsentEventType type, String recordedBy, String outcome) {
        this.outcomes = outcomes;
        this.type = type;
        this.recordedBy = recordedBy;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.recordAnswer(type, ConsentVariables.askedFacts(execution), recordedBy,
                execution.getVariable(CONSENT_ANSWERED_AT));
        execution.setVariable(CONSENT_OUTCOME, outcome);
    }
}
