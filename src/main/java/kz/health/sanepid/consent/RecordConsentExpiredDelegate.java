package kz.health.sanepid.consent;

import org.springframework.stereotype.Component;

/** No answer within {@code sanepid.consent.answer-timeout}: no consent. */
@Component("recordConsentExpired")
public class RecordConsentExpiredDelegate extends RecordConsentAnswerDelegate {

    public RecordConsentExpiredDelegate(ConsentOutcomes outcomes) {
        super(outcomes, ConsentEventType.EXPIRED, ConsentOutcomes.SYSTEM, ConsentProcess.OUTCOME_EXPIRED);
    }
}
