package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * End listener of the ground decision (Health Code art. 95(4)): reads the decision's result into typed variables
 * and narrows the request to what the ground allows (Law 94-V art. 12, data minimisation). A ground that allows
 * none of the categories asked is no ground for this request: it goes to the patient's consent (art. 95(3)).
 */
@Component("groundDecisionMapping")
public class GroundDecisionMapping implements ExecutionListener {

    /** The engine's transient local variable holding the business rule task's result. */
    static final String DECISION_RESULT = "decisionResult";

    private final Disclosures disclosures;

    public GroundDecisionMapping(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
        DmnDecisionResultEntries rule = result == null ? null : result.getSingleResult();
        String ground = rule == null ? GROUND_NONE : (String) rule.getEntry("ground");
        String clause = rule == null ? "Health Code art. 95(3)" : (String) rule.getEntry("groundClause");
        Set<MedicalCategory> allowed = MedicalCategory.parse(rule == null ? "" : (String) rule.getEntry("allowedCategories"));
        boolean secondApproval = rule != null && Boolean.TRUE.equals(rule.getEntry("secondApprovalRequired"));

        Set<MedicalCategory> requested = MedicalCategory.parse((String) execution.getVariable(REQUESTED_CATEGORIES));
        Set<MedicalCategory> releasable = EnumSet.noneOf(MedicalCategory.class);
        releasable.addAll(requested);
        releasable.retainAll(allowed);
        Set<MedicalCategory> withheld = EnumSet.noneOf(MedicalCategory.class);
        withheld.addAll(requested);
        withheld.removeAll(allowed);
        if (!GROUND_NONE.equals(ground) && releasable.isEmpty()) {
            clause = clause + ": allows none of the categories asked; consent needed (art. 95(3))";
            ground = GROUND_NONE;
            secondApproval = false;
        }

        disclosures.recordProposedGround((String) execution.getVariable(DISCLOSURE_ID), ground, clause,
                MedicalCategory.format(allowed), secondApproval);
        execution.setVariables(Variables.createVariables()
                .putValue(PROPOSED_GROUND, ground)
                .putValue(GROUND_CLAUSE, clause)
                .putValue(ALLOWED_CATEGORIES, MedicalCategory.format(allowed))
                .putValue(RELEASABLE_CATEGORIES, MedicalCategory.format(releasable))
                .putValue(WITHHELD_CATEGORIES, MedicalCategory.format(withheld))
                .putValueTyped(SECOND_APPROVAL_REQUIRED, Variables.booleanValue(secondApproval))
                .putValueTyped(GROUND_CONFIRMED, Variables.booleanValue(false)));
    }
}
