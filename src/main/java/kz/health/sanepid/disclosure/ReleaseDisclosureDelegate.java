package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Releases the data: on a confirmed ground only the categories asked for and allowed by it (Health Code art. 95(4);
 * Law 94-V art. 12), with the patient's consent the categories asked for (art. 95(3)). Recorded in the disclosure
 * table and the audit table ({@link DisclosureSteps#release}). Whether the ground stands (confirmed, and approved by a second officer where it needs
 * four eyes) and which categories it allows are read from the request's row, never from process variables
 * (issue 14): a release on a ground nobody confirmed is impossible even if such variables were forged.
 */
@Component("releaseDisclosure")
public class ReleaseDisclosureDelegate implements JavaDelegate {

    private final DisclosureSteps steps;

    public ReleaseDisclosureDelegate(DisclosureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DisclosureSteps.Released released = steps.release((String) execution.getVariable(DISCLOSURE_ID),
                (String) execution.getVariable(CONSENT_OUTCOME), (String) execution.getVariable(CONSENT_RECORD_ID));
        execution.setVariables(Variables.createVariables()
                .putValue(DISCLOSURE_OUTCOME, DisclosureStatus.RELEASED.name())
                .putValue(LEGAL_BASIS, released.legalBasis())
                .putValue(RELEASED_CATEGORIES, released.releasedCategories()));
    }
}
