package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step of {@code personal-data-consent-revocation}: the processes relying on the consent are told it is gone
 * ({@link ConsentRevocations#announce}); how many, as {@code relyingProcessesTold}.
 */
@Component("announceConsentRevoked")
public class AnnounceConsentRevokedDelegate implements JavaDelegate {

    private final ConsentRevocations revocations;

    public AnnounceConsentRevokedDelegate(ConsentRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("relyingProcessesTold",
                revocations.announce(ConsentVariables.text(execution, CONSENT_RECORD_ID)));
    }
}
