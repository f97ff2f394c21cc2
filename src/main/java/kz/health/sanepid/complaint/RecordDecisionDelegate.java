package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordDecision: closes the case with the decision ({@link ComplaintReview#decide}). On the reviewing-body
 * route a provider that fully satisfied the demands within 3 working days decided SATISFIED_IN_FULL itself (004
 * App.2 item 19).
 */
@Component("recordDecisionDelegate")
public class RecordDecisionDelegate implements JavaDelegate {

    private final ComplaintReview review;

    public RecordDecisionDelegate(ComplaintReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DecisionKind kind = review.decide((String) execution.getVariable(ComplaintProcess.COMPLAINT_ID),
                Route.parse((String) execution.getVariable(ComplaintProcess.ADDRESSEE)),
                (String) execution.getVariable(ComplaintProcess.PROVIDER_ACTION),
                (String) execution.getVariable(ComplaintProcess.DECISION),
                (String) execution.getVariable(ComplaintProcess.DECISION_REASONS));
        execution.setVariable(ComplaintProcess.DECISION, kind.name());
    }
}
