package kz.health.sanepid.professionalregister;

import kz.health.sanepid.notification.TaskReminders;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The HR task's reminder on the morning of its last working day and its escalation when the day has passed (the
 * task stays open), as the complaint track's ({@code complaint/ComplaintDeadlines}). Texts name the certificate and
 * the due day only: no IIN or name goes to a notification.
 */
@Service
public class RegisterDeadlines {

    private final TaskReminders reminders;
    private final RegisterUpdates updates;

    public RegisterDeadlines(TaskReminders reminders, RegisterUpdates updates) {
        this.reminders = reminders;
        this.updates = updates;
    }

    /** Reminds the task's assignee, or else its candidate group (the employer's HR specialists). */
    public void remind(String processInstanceId, String certificateId) {
        Task task = openTask(processInstanceId);
        String day = TaskReminders.dueDay(task);
        reminders.remind(task, "professional-register:" + certificateId + ":remind",
                "Кәсіптік тіркелімге сертификат " + certificateId + " бойынша өзгерісті енгізу мерзімі: " + day
                        + " (№ 66 бұйрық, 9-т.). / Срок внесения изменения в профессиональный регистр по сертификату "
                        + certificateId + ": " + day + " (приказ № 66, п. 9).");
        updates.reminded(certificateId);
    }

    /** Records the missed term and tells the managers; the HR task stays open. */
    public void escalate(String processInstanceId, String certificateId) {
        String day = TaskReminders.dueDay(openTask(processInstanceId));
        String employer = updates.find(certificateId).map(RegisterUpdates.Update::employerBin).orElse("-");
        reminders.escalate("professional-register:" + certificateId + ":escalate",
                "Кадр қызметі (БСН " + employer + ") сертификат " + certificateId + " бойынша кәсіптік тіркелімді "
                        + day + " дейін жаңартпады. / Кадровая служба (БИН " + employer
                        + ") не обновила профессиональный регистр по сертификату " + certificateId + " до " + day + ".");
        updates.escalated(certificateId);
    }

    private Task openTask(String processInstanceId) {
        return reminders.openTask(processInstanceId, ProfessionalRegisterProcess.TASK_UPDATE_REGISTER);
    }
}
