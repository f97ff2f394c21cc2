package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Four-eyes on grounds 3 and 5 of Health Code art. 95(4): the second approval is given by a different member of
 * the legal officers' group. The officer who confirmed the ground may neither claim nor complete this task; who
 * that was is read from the request's row, not from the variable {@code reviewedBy} (issue 14).
 */
@Component("disclosureSecondApprovalListener")
public class SecondApprovalListener implements TaskListener {

    private final DisclosureSteps steps;

    public SecondApprovalListener(DisclosureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = (String) task.getVariable(DISCLOSURE_ID);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            steps.requireSecondOfficer(id, task.getAssignee());
            return;
        }
        String officer = Officers.actingOfficer(task);
        steps.requireSecondOfficer(id, officer);
        String decision = Officers.decision(task, APPROVAL_DECISION, Set.of(APPROVED, REJECTED));
        String comment = Officers.comment(task, APPROVAL_COMMENT, REJECTED.equals(decision));
        steps.recordApproval(id, officer, decision, comment);
        task.getExecution().setVariables(Variables.createVariables()
                .putValue(APPROVAL_DECISION, decision)
                .putValue(APPROVED_BY, officer)
                .putValueTyped(GROUND_CONFIRMED, Variables.booleanValue(APPROVED.equals(decision))));
    }
}
