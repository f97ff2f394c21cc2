package kz.health.sanepid.consent;

import org.springframework.stereotype.Component;

/** The respondent granted (Law 94-V art. 8). */
@Component("recordConsentGranted")
public class RecordConsentGrantedDelegate extends RecordConsentAnswerDelegate {

    public RecordConsentGrantedDelegate(ConsentOutcomes outcomes) {
        super(outcomes, ConsentEventType.GRANTED, ConsentOutcomes.CONSENT_SERVICE, ConsentProcess.OUTCOME_GRANTED);
    }
}
