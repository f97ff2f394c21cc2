package kz.health.sanepid.consent;

import org.springframework.stereotype.Component;

/** Law 94-V art. 9 / Health Code art. 95(4): processing goes ahead on the ground the officer confirmed. */
@Component("recordProcessingWithoutConsent")
public class RecordProcessingWithoutConsentDelegate extends RecordOfficerDecisionDelegate {

    public RecordProcessingWithoutConsentDelegate(ConsentOutcomes outcomes) {
        super(outcomes, ConsentEventType.WITHOUT_CONSENT, ConsentProcess.CONFIRMED_GROUND,
                ConsentProcess.OUTCOME_WITHOUT_CONSENT);
    }
}
