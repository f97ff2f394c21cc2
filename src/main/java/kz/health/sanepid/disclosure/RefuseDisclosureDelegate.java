package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * No confirmed ground and no consent: nothing is released (Health Code art. 95(2)-(3); Criminal Code art. 321).
 * WITHOUT_CONSENT from the consent process is no consent of the patient: the grounds without consent are this
 * process's own decision (art. 95(4)), already taken.
 */
@Component("refuseDisclosure")
public class RefuseDisclosureDelegate implements JavaDelegate {

    private final DisclosureSteps steps;

    public RefuseDisclosureDelegate(DisclosureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = steps.refuse((String) execution.getVariable(DISCLOSURE_ID),
                (String) execution.getVariable(CONSENT_OUTCOME), (String) execution.getVariable(CONSENT_RECORD_ID));
        execution.setVariables(Variables.createVariables()
                .putValue(DISCLOSURE_OUTCOME, DisclosureStatus.REFUSED.name())
                .putValue(REFUSAL_REASON, reason));
    }
}
