package kz.health.sanepid.reissuance;

import kz.health.sanepid.reissuance.SmsInboundLog.Disposition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes replies that came in while their offer SMS was still being sent (or resent): as soon as the offer waits
 * at its receive task, the reply is correlated; an offer that ended meanwhile (e.g. consent revoked) discards it.
 * One transaction per reply, so one failing reply does not hold the others.
 */
@Component
public class PendingReplySweeper {

    private final SmsInboundLog log;
    private final SmsReplies replies;
    private final SduLedger ledger;
    private final TransactionTemplate tx;

    public PendingReplySweeper(SmsInboundLog log, SmsReplies replies, SduLedger ledger, TransactionTemplate tx) {
        this.log = log;
        this.replies = replies;
        this.ledger = ledger;
        this.tx = tx;
    }

    /** Answers how many pending replies were correlated. */
    public int sweep() {
        int correlated = 0;
        for (SmsInboundLog.Pending p : log.pending(500)) {
            Boolean done = tx.execute(status -> {
                RecipientOutcome outcome = ledger.recipient(p.businessKey()).map(SduLedger.Recipient::outcome)
                        .orElse(RecipientOutcome.FAILED);
                if (outcome.isFinal()) {
                    log.settle(p.id(), Disposition.DISCARDED);
                    return false;
                }
                if (replies.correlate(p.businessKey(), p.replyDigit())) {
                    log.settle(p.id(), Disposition.CORRELATED);
                    return true;
                }
                return false;
            });
            if (Boolean.TRUE.equals(done)) {
                correlated++;
            }
        }
        return correlated;
    }
}
