package kz.health.sanepid.professionalregister;

import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task_UpdateRegister (order No. 66 item 9): on create, the due date goes to the update's row; on complete, what
 * the HR specialist entered (register entry number, the entry's date, a note) is checked and recorded with who and
 * when. The certificate is read from the business key, not from a variable a person could have sent.
 */
@Component("professionalRegisterTaskListener")
public class RegisterTaskListener implements TaskListener {

    private final RegisterUpdates updates;
    private final Clock clock;

    public RegisterTaskListener(RegisterUpdates updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String certificateId = task.getExecution().getProcessBusinessKey();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            updates.due(certificateId, task.getDueDate());
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String entryNumber = text(task, ENTRY_NUMBER, 50, true);
        LocalDate entryDate = entryDate(task, certificateId);
        String note = text(task, NOTE, 1000, false);
        updates.updated(certificateId, actingSpecialist(task), entryNumber, entryDate, note);
    }

    /** The logged-in user completing the task (Tasklist, REST), else the task's assignee; someone must be named. */
    static String actingSpecialist(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String who = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        if (who == null || who.isBlank()) {
            throw new FormFieldValidationException("assignee",
                    "claim the task before completing it: the HR specialist who entered the change is recorded");
        }
        return who;
    }

    private static String text(DelegateTask task, String variable, int max, boolean required) {
        Object value = task.getVariable(variable);
        String text = value == null ? null : value.toString().strip();
        if ((text == null || text.isEmpty()) && required) {
            throw new FormFieldValidationException(variable, variable + ": required");
        }
        if (text != null && text.length() > max) {
            throw new FormFieldValidationException(variable, variable + ": at most " + max + " characters");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** The day the change was entered: not before the re-issue, not after today (Asia/Almaty). */
    private LocalDate entryDate(DelegateTask task, String certificateId) {
        Object value = task.getVariable(ENTRY_DATE);
        LocalDate day;
        try {
            day = value instanceof Date d ? d.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate()
                    : LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new FormFieldValidationException(ENTRY_DATE, ENTRY_DATE + ": a date YYYY-MM-DD is required");
        }
        LocalDate today = clock.instant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        LocalDate requested = updates.find(certificateId).map(u -> u.requestedAt().atZone(WorkingDayCalendar.ZONE)
                .toLocalDate()).orElse(today);
        if (day.isAfter(today) || day.isBefore(requested)) {
            throw new FormFieldValidationException(ENTRY_DATE, ENTRY_DATE + ": between " + requested + " (the re-issue)"
                    + " and " + today + " (today)");
        }
        return day;
    }
}
