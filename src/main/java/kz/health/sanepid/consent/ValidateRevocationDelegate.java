package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step of {@code personal-data-consent-revocation}: the consent exists, is the subject's and is granted (runs in
 * the starter's transaction, so a refusal starts nothing); its facts become the process's variables.
 */
@Component("validateRevocation")
public class ValidateRevocationDelegate implements JavaDelegate {

    private final ConsentRevocations revocations;

    public ValidateRevocationDelegate(ConsentRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsentHistory consent = revocations.revocable(ConsentVariables.text(execution, CONSENT_RECORD_ID),
                ConsentVariables.text(execution, SUBJECT_IIN));
        execution.setVariable(SUBJECT_MASKED, IdentificationNumbers.mask(consent.facts().subjectIin()));
        execution.setVariable(OPERATOR_BIN, consent.facts().operatorBin());
        execution.setVariable(PURPOSE, consent.facts().purpose());
        execution.setVariable(DATA_CATEGORIES, consent.facts().categories());
    }
}
