package kz.health.sanepid.consent;

import org.springframework.stereotype.Component;

/** The officer found no ground: recorded, and the subject is asked for consent (Law 94-V art. 7). */
@Component("recordLegalGroundRejected")
public class RecordLegalGroundRejectedDelegate extends RecordOfficerDecisionDelegate {

    public RecordLegalGroundRejectedDelegate(ConsentOutcomes outcomes) {
        super(outcomes, ConsentEventType.LEGAL_GROUND_REJECTED, ConsentProcess.LEGAL_BASIS_GROUND, null);
    }
}
