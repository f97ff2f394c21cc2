package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Releases the data: on a confirmed ground only the categories asked for and allowed by it (Health Code art. 95(4);
 * Law 94-V art. 12), with the patient's consent the categories asked for (art. 95(3)). Recorded in the disclosure
 * table and the audit table.
 */
@Component("releaseDisclosure")
public class ReleaseDisclosureDelegate implements JavaDelegate {

    static final String CONSENT_BASIS = "CONSENT";
    static final String CONSENT_CLAUSE = "Health Code art. 95(3)";

    private final Disclosures disclosures;

    public ReleaseDisclosureDelegate(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean onGround = Boolean.TRUE.equals(execution.getVariable(GROUND_CONFIRMED));
        String basis = onGround ? (String) execution.getVariable(PROPOSED_GROUND) : CONSENT_BASIS;
        String clause = onGround ? (String) execution.getVariable(GROUND_CLAUSE) : CONSENT_CLAUSE;
        String released = (String) execution.getVariable(onGround ? RELEASABLE_CATEGORIES : REQUESTED_CATEGORIES);
        String withheld = onGround ? (String) execution.getVariable(WITHHELD_CATEGORIES) : "";
        disclosures.recordRelease((String) execution.getVariable(DISCLOSURE_ID), ClockUtil.getCurrentTime(), basis,
                clause, released, withheld, (String) execution.getVariable(CONSENT_OUTCOME),
                (String) execution.getVariable(CONSENT_RECORD_ID));
        execution.setVariables(Variables.createVariables()
                .putValue(DISCLOSURE_OUTCOME, DisclosureStatus.RELEASED.name())
                .putValue(LEGAL_BASIS, basis)
                .putValue(RELEASED_CATEGORIES, released));
    }
}
