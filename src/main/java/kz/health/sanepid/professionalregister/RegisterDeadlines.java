package kz.health.sanepid.professionalregister;

import java.util.Date;
import java.util.List;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.notification.NotificationPort;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The HR task's reminder on the morning of its last working day and its escalation when the day has passed (the
 * task stays open), as the complaint track's ({@code complaint/ComplaintDeadlines}). Texts name the certificate and
 * the due day only: no IIN or name goes to a notification.
 */
@Service
public class RegisterDeadlines {

    private final TaskService taskService;
    private final RegisterUpdates updates;
    private final NotificationPort notifications;

    public RegisterDeadlines(TaskService taskService, RegisterUpdates updates, NotificationPort notifications) {
        this.taskService = taskService;
        this.updates = updates;
        this.notifications = notifications;
    }

    /** Reminds the task's assignee, or else its candidate group (the employer's HR specialists). */
    public void remind(String processInstanceId, String certificateId) {
        Task task = openTask(processInstanceId);
        String text = "Кәсіптік тіркелімге сертификат " + certificateId + " бойынша өзгерісті енгізу мерзімі: "
                + day(task.getDueDate()) + " (№ 66 бұйрық, 9-т.). / Срок внесения изменения в профессиональный"
                + " регистр по сертификату " + certificateId + ": " + day(task.getDueDate()) + " (приказ № 66, п. 9).";
        String key = "professional-register:" + certificateId + ":remind";
        if (task.getAssignee() != null) {
            notifications.notifyUser(key, task.getAssignee(), "Еске салу / Напоминание", text);
        } else {
            for (String group : candidateGroups(task)) {
                notifications.notifyGroup(key + ":" + group, group, "Еске салу / Напоминание", text);
            }
        }
        updates.reminded(certificateId);
    }

    /** Records the missed term and tells the managers; the HR task stays open. */
    public void escalate(String processInstanceId, String certificateId) {
        Task task = openTask(processInstanceId);
        String employer = updates.find(certificateId).map(RegisterUpdates.Update::employerBin).orElse("-");
        notifications.notifyGroup("professional-register:" + certificateId + ":escalate", Roles.MANAGERS,
                "Мерзім өтті / Срок пропущен",
                "Кадр қызметі (БСН " + employer + ") сертификат " + certificateId + " бойынша кәсіптік тіркелімді "
                        + day(task.getDueDate()) + " дейін жаңартпады. / Кадровая служба (БИН " + employer
                        + ") не обновила профессиональный регистр по сертификату " + certificateId + " до "
                        + day(task.getDueDate()) + ".");
        updates.escalated(certificateId);
    }

    private Task openTask(String processInstanceId) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(ProfessionalRegisterProcess.TASK_UPDATE_REGISTER).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open register update task in " + processInstanceId);
        }
        return task;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private static String day(Date due) {
        return due == null ? "-" : due.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().toString();
    }
}
