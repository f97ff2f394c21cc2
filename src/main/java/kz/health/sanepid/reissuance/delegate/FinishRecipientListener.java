package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientOutcome;
import kz.health.sanepid.reissuance.SduLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The start listener of one end event of sdu-reissuance-recipient: writes the outcome that end stands for into the
 * ledger (004 App.2 items 6, 10, 14, 15, 18; joint order item 8). One bean per outcome
 * ({@link RecipientOutcomeListeners}), so a diagram names the outcome by its bean and an unknown one fails at start.
 */
public class FinishRecipientListener implements ExecutionListener {

    private final SduLedger ledger;
    private final RecipientOutcome outcome;

    public FinishRecipientListener(SduLedger ledger, RecipientOutcome outcome) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException(outcome + " is not an outcome");
        }
        this.ledger = ledger;
        this.outcome = outcome;
    }

    public RecipientOutcome outcome() {
        return outcome;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ledger.finish(execution.getProcessBusinessKey(), outcome);
    }
}
