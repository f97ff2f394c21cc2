package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The data-protection officer's decision on processing without consent, recorded in the journal with the officer's
 * id, the ground (the variable {@code groundVariable} names) and the officer's comment. One subclass per decision:
 * {@code recordProcessingWithoutConsent}, {@code recordLegalGroundRejected}.
 */
abstract class RecordOfficerDecisionDelegate implements JavaDelegate {

    private final ConsentOutcomes outcomes;
    private final ConsentEventType type;
    private final String groundVariable;
    /** The {@code consentOutcome} the decision returns, or null when the process goes on to ask for consent. */
    private final String outcome;

    RecordOfficerDecisionDelegate(ConsentOutcomes outcomes, ConsentEventType type, String groundVariable,
                                  String outcome) {
        this.outcomes = outcomes;
        this.type = type;
        this.groundVariable = groundVariable;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.record(type, ConsentVariables.facts(execution, RespondentGround.NONE_LEGAL_GROUND,
                        ConsentVariables.text(execution, groundVariable)),
                ConsentVariables.text(execution, DECIDING_OFFICER), ConsentVariables.text(execution, OFFICER_COMMENT));
        if (outcome != null) {
            execution.setVariable(CONSENT_OUTCOME, outcome);
        }
    }
}
