package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import kz.health.sanepid.consent.ConsentProcess;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Releases the data: on a confirmed ground only the categories asked for and allowed by it (Health Code art. 95(4);
 * Law 94-V art. 12), with the patient's consent the categories asked for (art. 95(3)). Recorded in the disclosure
 * table and the audit table. Whether the ground stands (confirmed, and approved by a second officer where it needs
 * four eyes) and which categories it allows are read from the request's row, never from process variables
 * (issue 14): a release on a ground nobody confirmed is impossible even if such variables were forged.
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
        String id = (String) execution.getVariable(DISCLOSURE_ID);
        Disclosures.Disclosure request = id == null ? null : disclosures.find(id);
        String consentOutcome = (String) execution.getVariable(CONSENT_OUTCOME);
        boolean onGround = request != null && request.groundStands();
        if (request == null || !onGround && !ConsentProcess.OUTCOME_GRANTED.equals(consentOutcome)) {
            throw new ProcessEngineException("disclosure " + id + ": no registered request with a confirmed ground"
                    + " or the patient's consent; nothing is released");
        }
        String basis = onGround ? request.proposedGround() : CONSENT_BASIS;
        String clause = onGround ? request.groundClause() : CONSENT_CLAUSE;
        String released = onGround ? MedicalCategory.format(request.releasable()) : request.categoriesRequested();
        String withheld = onGround ? MedicalCategory.format(request.withheld()) : "";
        disclosures.recordRelease(request.id(), ClockUtil.getCurrentTime(), basis, clause, released, withheld,
                consentOutcome, (String) execution.getVariable(CONSENT_RECORD_ID));
        execution.setVariables(Variables.createVariables()
                .putValue(DISCLOSURE_OUTCOME, DisclosureStatus.RELEASED.name())
                .putValue(LEGAL_BASIS, basis)
                .putValue(RELEASED_CATEGORIES, released));
    }
}
