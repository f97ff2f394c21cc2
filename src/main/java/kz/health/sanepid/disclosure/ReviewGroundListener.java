package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Completion of the legal officer's review (Health Code art. 95(4)): the officer confirms or rejects the proposed
 * ground against the supporting document; the decision and the officer are recorded. A rejection needs a reason.
 */
@Component("disclosureReviewListener")
public class ReviewGroundListener implements TaskListener {

    private final Disclosures disclosures;

    public ReviewGroundListener(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = Officers.decision(task, REVIEW_DECISION, Set.of(CONFIRMED, REJECTED));
        String comment = Officers.comment(task, REVIEW_COMMENT, REJECTED.equals(decision));
        String officer = Officers.actingOfficer(task);
        disclosures.recordReview((String) task.getVariable(DISCLOSURE_ID), officer, ClockUtil.getCurrentTime(),
                decision, comment);
        task.getExecution().setVariables(Variables.createVariables()
                .putValue(REVIEW_DECISION, decision)
                .putValue(REVIEWED_BY, officer)
                .putValueTyped(GROUND_CONFIRMED, Variables.booleanValue(CONFIRMED.equals(decision))));
    }
}
