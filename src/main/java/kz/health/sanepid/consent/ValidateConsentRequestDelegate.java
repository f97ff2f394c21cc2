package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import java.util.UUID;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Format-logical control of the request (004 App.2 item 18). Runs in the starter's transaction, so a malformed
 * request makes the start (or the caller's call activity) fail with the reasons, and nothing is recorded.
 */
@Component("validateConsentRequest")
public class ValidateConsentRequestDelegate implements JavaDelegate {

    private final ConsentRecords records;

    public ValidateConsentRequestDelegate(ConsentRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsentRequestInput input = ConsentRequestInput.of(execution.getVariable(SUBJECT_IIN),
                execution.getVariable(OPERATOR_BIN), execution.getVariable(PURPOSE),
                execution.getVariable(DATA_CATEGORIES), execution.getVariable(REQUESTER_KIND),
                execution.getVariable(CHANNEL), execution.getVariable(VALID_UNTIL),
                execution.getVariable(LEGAL_GROUND_CLAIM), records.today());
        execution.setVariable(SUBJECT_MASKED, IdentificationNumbers.mask(ConsentVariables.text(execution, SUBJECT_IIN)));
        execution.setVariable(PURPOSE, input.purpose());
        execution.setVariable(DATA_CATEGORIES, DataCategory.format(input.categories()));
        execution.setVariable(REQUESTER_KIND, input.requesterKind());
        execution.setVariable(CHANNEL, input.channel());
        execution.setVariable(VALID_UNTIL, Variables.stringValue(
                input.validUntil() == null ? null : input.validUntil().toString()));
        execution.setVariable(LEGAL_GROUND_CLAIM, Variables.stringValue(input.legalGroundClaim()));
        execution.setVariable(MEDICAL_SECRECY, input.medicalSecrecy());
        execution.setVariable(CONSENT_RECORD_ID, UUID.randomUUID().toString());
    }
}
