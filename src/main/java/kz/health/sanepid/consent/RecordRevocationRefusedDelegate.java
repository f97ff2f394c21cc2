package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A step of {@code personal-data-consent-revocation}: the officer's refusal of the revocation is recorded. */
@Component("recordRevocationRefused")
public class RecordRevocationRefusedDelegate implements JavaDelegate {

    private final ConsentRevocations revocations;

    public RecordRevocationRefusedDelegate(ConsentRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocations.recordRevocationRefused(ConsentVariables.text(execution, CONSENT_RECORD_ID),
                execution.getProcessInstanceId(), ConsentVariables.text(execution, REVOCATION_CHANNEL),
                ConsentVariables.text(execution, REVIEWING_OFFICER), ConsentVariables.text(execution, REVOCATION_BAR),
                ConsentVariables.text(execution, REVIEW_COMMENT));
        execution.setVariable(REVOCATION_OUTCOME, "REVOCATION_REFUSED");
    }
}
