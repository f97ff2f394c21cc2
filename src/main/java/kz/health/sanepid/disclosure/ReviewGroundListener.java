package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Completion of the legal officer's review (Health Code art. 95(4)): the officer confirms or rejects the proposed
 * ground against the supporting document; the decision and the officer are recorded. A rejection needs a reason.
 * What the next gateway relies on (whether a second officer must approve, the officer's id, the categories) is
 * written back from the request's row, so a variable a person may have sent along cannot steer it (issue 14).
 */
@Component("disclosureReviewListener")
public class ReviewGroundListener implements TaskListener {

    private final DisclosureSteps steps;

    public ReviewGroundListener(DisclosureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = Officers.decision(task, REVIEW_DECISION, Set.of(CONFIRMED, REJECTED));
        String comment = Officers.comment(task, REVIEW_COMMENT, REJECTED.equals(decision));
        String officer = Officers.actingOfficer(task);
        String id = (String) task.getVariable(DISCLOSURE_ID);
        Disclosures.Disclosure request = steps.review(id, officer, decision, comment);
        task.getExecution().setVariables(Variables.createVariables()
                .putValue(REVIEW_DECISION, decision)
                .putValue(REVIEWED_BY, officer)
                .putValueTyped(SECOND_APPROVAL_REQUIRED, Variables.booleanValue(request.secondApprovalRequired()))
                .putValue(RELEASABLE_CATEGORIES, MedicalCategory.format(request.releasable()))
                .putValue(WITHHELD_CATEGORIES, MedicalCategory.format(request.withheld()))
                .putValueTyped(GROUND_CONFIRMED, Variables.booleanValue(CONFIRMED.equals(decision))));
    }
}
