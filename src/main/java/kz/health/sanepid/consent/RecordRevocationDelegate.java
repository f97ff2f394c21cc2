package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A step of {@code personal-data-consent-revocation}: the revocation is recorded (Law 94-V art. 8). */
@Component("recordRevocation")
public class RecordRevocationDelegate implements JavaDelegate {

    private final ConsentRevocations revocations;

    public RecordRevocationDelegate(ConsentRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocations.recordRevoked(ConsentVariables.text(execution, CONSENT_RECORD_ID), execution.getProcessInstanceId(),
                ConsentVariables.text(execution, REVOCATION_CHANNEL), ConsentVariables.text(execution, REVIEWING_OFFICER),
                ConsentVariables.text(execution, REVOCATION_INITIATOR), ConsentVariables.text(execution, REVOCATION_REASON));
        execution.setVariable(REVOCATION_OUTCOME, "REVOKED");
    }
}
