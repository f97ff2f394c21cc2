package kz.health.sanepid.disclosure;

import org.springframework.stereotype.Component;

/** The legal officer's review deadline has passed: the escalation is recorded, and {@code reviewEscalated} set. */
@Component("escalateDisclosureReview")
public class EscalateDisclosureReviewDelegate extends ReviewDeadlineDelegate {

    public EscalateDisclosureReviewDelegate(DisclosureSteps steps) {
        super(steps, DisclosureSteps::escalateReview, DisclosureProcess.REVIEW_ESCALATED);
    }
}
