package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordDecision: closes the case with the decision. On the reviewing-body route a provider that fully
 * satisfied the demands within 3 working days decided SATISFIED_IN_FULL itself (004 App.2 item 19).
 */
@Component("recordDecisionDelegate")
public class RecordDecisionDelegate implements JavaDelegate {

    private final ComplaintReview review;

    public RecordDecisionDelegate(ComplaintReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean providerSatisfied = ComplaintProcess.ACTION_FULLY_SATISFIED.equals(
                execution.getVariable(ComplaintProcess.PROVIDER_ACTION));
        boolean reviewingBody = Route.REVIEWING_BODY.name().equals(execution.getVariable(ComplaintProcess.ADDRESSEE));
        String decision = providerSatisfied ? DecisionKind.SATISFIED_IN_FULL.name()
                : (String) execution.getVariable(ComplaintProcess.DECISION);
        DecisionKind kind = review.decide((String) execution.getVariable(ComplaintProcess.COMPLAINT_ID), decision,
                (String) execution.getVariable(ComplaintProcess.DECISION_REASONS),
                reviewingBody && !providerSatisfied ? "REVIEWING_BODY" : "PROVIDER");
        execution.setVariable(ComplaintProcess.DECISION, kind.name());
    }
}
