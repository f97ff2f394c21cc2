package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The legal officer's review deadline in working days (sanepid.disclosure.review-working-days): a reminder on the
 * morning of the last day and an escalation when it has passed, as in the complaint track, each recorded in the
 * disclosure table ({@link DisclosureSteps}) and as a variable (Cockpit shows it); notifying managers waits for the
 * notification port. One subclass per bean: {@code recordDisclosureReviewReminder}, {@code escalateDisclosureReview}.
 */
abstract class ReviewDeadlineDelegate implements JavaDelegate {

    private final DisclosureSteps steps;
    private final BiConsumer<DisclosureSteps, String> step;
    private final String flag;

    ReviewDeadlineDelegate(DisclosureSteps steps, BiConsumer<DisclosureSteps, String> step, String flag) {
        this.steps = steps;
        this.step = step;
        this.flag = flag;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.accept(steps, (String) execution.getVariable(DISCLOSURE_ID));
        execution.setVariable(flag, Variables.booleanValue(true));
    }
}
