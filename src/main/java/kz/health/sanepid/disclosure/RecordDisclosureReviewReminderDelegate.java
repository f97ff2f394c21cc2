package kz.health.sanepid.disclosure;

import org.springframework.stereotype.Component;

/** The last day of the legal officer's review has come: recorded, and {@code reviewReminded} set. */
@Component("recordDisclosureReviewReminder")
public class RecordDisclosureReviewReminderDelegate extends ReviewDeadlineDelegate {

    public RecordDisclosureReviewReminderDelegate(DisclosureSteps steps) {
        super(steps, DisclosureSteps::remindReview, DisclosureProcess.REVIEW_REMINDED);
    }
}
