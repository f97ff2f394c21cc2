package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.reissuance.SduLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The consent call activity's end listener (004 App.2 items 17, 18): the ДҚБ service's answer ({@code consentOutcome}:
 * GRANTED, REFUSED, EXPIRED or WITHOUT_CONSENT) is kept with what the other registries answered, and counted in the
 * managers' funnel. Nothing when the call ended without an answer (interrupted by a revocation).
 */
@Component("sduConsentAnswered")
public class ConsentAnsweredListener implements ExecutionListener {

    private final SduLedger ledger;

    public ConsentAnsweredListener(SduLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object outcome = execution.getVariable(ConsentProcess.CONSENT_OUTCOME);
        if (outcome != null) {
            ledger.consentAnswered(execution.getProcessBusinessKey(), outcome.toString());
        }
    }
}
