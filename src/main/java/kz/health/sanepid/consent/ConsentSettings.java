package kz.health.sanepid.consent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Settings the consent diagrams read by expression, e.g. {@code ${consentSettings.answerTimeout}}. */
@Component("consentSettings")
public class ConsentSettings {

    private final String answerTimeout;
    private final int officerReviewWorkingDays;

    public ConsentSettings(@Value("${sanepid.consent.answer-timeout:P3D}") String answerTimeout,
            @Value("${sanepid.consent.officer-review-working-days:3}") int officerReviewWorkingDays) {
        if (officerReviewWorkingDays < 1) {
            throw new IllegalStateException("sanepid.consent.officer-review-working-days must be at least 1");
        }
        this.officerReviewWorkingDays = officerReviewWorkingDays;
        if (answerTimeout == null || !answerTimeout.matches("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$")) {
            throw new IllegalStateException("sanepid.consent.answer-timeout must be an ISO-8601 duration such as P3D");
        }
        this.answerTimeout = answerTimeout;
    }

    /** How long the subject (or representative) has to answer through the ДҚБ service before the request expires. */
    public String getAnswerTimeout() {
        return answerTimeout;
    }

    /**
     * The data-protection officer's term for a legal-ground confirmation and a revocation review, in working days:
     * no term in Law 94-V for these internal steps, so a configured one (default 3, like the disclosure review);
     * the tasks' due dates, {@code ${workingDays.deadlineFromNow(consentSettings.officerReviewWorkingDays)}}.
     */
    public int getOfficerReviewWorkingDays() {
        return officerReviewWorkingDays;
    }
}
