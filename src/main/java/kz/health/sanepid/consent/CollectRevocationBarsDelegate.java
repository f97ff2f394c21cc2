package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step of {@code personal-data-consent-revocation}: the facts the decision consent-revocation-check weighs, open
 * obligations and statutory requirements ({@link ConsentRevocations#bars}).
 */
@Component("collectRevocationBars")
public class CollectRevocationBarsDelegate implements JavaDelegate {

    private final ConsentRevocations revocations;

    public CollectRevocationBarsDelegate(ConsentRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsentRevocations.Bars bars = revocations.bars(ConsentVariables.text(execution, CONSENT_RECORD_ID));
        execution.setVariable(OPEN_OBLIGATIONS, bars.openObligations());
        execution.setVariable(STATUTORY_REQUIREMENTS, bars.statutoryRequirements());
        execution.setVariable(REVOCATION_BARS, bars.listed());
    }
}
