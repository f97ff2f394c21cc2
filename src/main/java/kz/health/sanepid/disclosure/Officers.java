package kz.health.sanepid.disclosure;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on an officer's task, and what they decided. */
final class Officers {

    private Officers() {
    }

    /** The logged-in user completing the task (Tasklist, REST), else the task's assignee; someone must be named. */
    static String actingOfficer(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String officer = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        if (officer == null || officer.isBlank()) {
            throw new FormFieldValidationException("assignee", "claim the task before completing it: the deciding officer is recorded");
        }
        return officer;
    }

    /** The decision field of the form, one of the allowed codes. */
    static String decision(DelegateTask task, String variable, Set<String> allowed) {
        Object value = task.getVariable(variable);
        String code = value == null ? null : value.toString().strip().toUpperCase(Locale.ROOT);
        if (code == null || !allowed.contains(code)) {
            throw new FormFieldValidationException(variable, variable + ": choose one of " + allowed);
        }
        return code;
    }

    static String comment(DelegateTask task, String variable, boolean required) {
        Object value = task.getVariable(variable);
        String text = value == null ? null : value.toString().strip();
        if ((text == null || text.isEmpty()) && required) {
            throw new FormFieldValidationException(variable, variable + ": give the reason");
        }
        if (text != null && text.length() > 1000) {
            throw new FormFieldValidationException(variable, variable + ": at most 1000 characters");
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
