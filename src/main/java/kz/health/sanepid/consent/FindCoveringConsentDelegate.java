package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Looks for a valid consent on record covering the operator, purpose and categories; when there is one, the
 * process answers with it and asks nobody again.
 */
@Component("findCoveringConsent")
public class FindCoveringConsentDelegate implements JavaDelegate {

    private final ConsentRecords records;

    public FindCoveringConsentDelegate(ConsentRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ConsentHistory> covering = records.findCovering(ConsentVariables.text(execution, SUBJECT_IIN),
                ConsentVariables.text(execution, OPERATOR_BIN), ConsentVariables.text(execution, PURPOSE),
                DataCategory.parse(ConsentVariables.text(execution, DATA_CATEGORIES)), records.today());
        execution.setVariable(COVERING_CONSENT_ID, Variables.stringValue(covering.map(ConsentHistory::consentId).orElse(null)));
        covering.ifPresent(c -> {
            execution.setVariable(CONSENT_RECORD_ID, c.consentId());
            execution.setVariable(CONSENT_OUTCOME, OUTCOME_GRANTED);
        });
    }
}
