package kz.health.sanepid.consent;

import org.springframework.stereotype.Component;

/** The respondent refused: the data may not be processed on consent. */
@Component("recordConsentRefused")
public class RecordConsentRefusedDelegate extends RecordConsentAnswerDelegate {

    public RecordConsentRefusedDelegate(ConsentOutcomes outcomes) {
        super(outcomes, ConsentEventType.REFUSED, ConsentOutcomes.CONSENT_SERVICE, ConsentProcess.OUTCOME_REFUSED);
    }
}
