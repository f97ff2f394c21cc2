package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legal officer's review deadline in working days (sanepid.disclosure.review-working-days): a reminder on the
 * morning of the last day and an escalation when it has passed, as in the complaint track. Both are recorded in
 * the disclosure table and as variables (Cockpit shows them); notifying managers waits for the notification port.
 */
@Configuration
public class ReviewDeadlineDelegates {

    @Bean("recordDisclosureReviewReminder")
    JavaDelegate reminder(Disclosures disclosures) {
        return (DelegateExecution execution) -> {
            disclosures.recordReminder((String) execution.getVariable(DISCLOSURE_ID), ClockUtil.getCurrentTime());
            execution.setVariable(REVIEW_REMINDED, Variables.booleanValue(true));
        };
    }

    @Bean("escalateDisclosureReview")
    JavaDelegate escalation(Disclosures disclosures) {
        return (DelegateExecution execution) -> {
            disclosures.recordEscalation((String) execution.getVariable(DISCLOSURE_ID), ClockUtil.getCurrentTime());
            execution.setVariable(REVIEW_ESCALATED, Variables.booleanValue(true));
        };
    }
}
