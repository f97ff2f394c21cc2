package kz.health.sanepid.complaint;

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

/** Reminders one working day before a task's deadline and escalations at it; the task stays open. */
@Service
public class ComplaintDeadlines {

    private final TaskService taskService;
    private final Complaints complaints;
    private final NotificationPort notifications;

    public ComplaintDeadlines(TaskService taskService, Complaints complaints, NotificationPort notifications) {
        this.taskService = taskService;
        this.complaints = complaints;
        this.notifications = notifications;
    }

    /** Reminds the task's assignee, or else its candidate groups. */
    public void remind(String processInstanceId, String complaintId, String taskKey) {
        Task task = openTask(processInstanceId, taskKey);
        String text = ComplaintNotices.reminder(complaintId, task.getName(), day(task.getDueDate()));
        String key = complaintId + ":remind:" + taskKey;
        if (task.getAssignee() != null) {
            notifications.notifyUser(key, task.getAssignee(), "Еске салу / Напоминание", text);
        } else {
            for (String group : candidateGroups(task)) {
                notifications.notifyGroup(key + ":" + group, group, "Еске салу / Напоминание", text);
            }
        }
        complaints.event(complaintId, Complaints.EventKind.REMINDED, taskKey);
    }

    /** Records the missed deadline on the case and tells the managers' group. */
    public void escalate(String processInstanceId, String complaintId, String taskKey) {
        Task task = openTask(processInstanceId, taskKey);
        notifications.notifyGroup(complaintId + ":escalate:" + taskKey, Roles.MANAGERS,
                "Мерзім өтті / Срок пропущен",
                ComplaintNotices.escalation(complaintId, task.getName(), day(task.getDueDate())));
        complaints.event(complaintId, Complaints.EventKind.ESCALATED, taskKey);
    }

    /** The provider did not forward nor satisfy within 3 working days (APPK art. 91(4)): flag and escalate. */
    public void forwardingDeadlineMissed(String processInstanceId, String complaintId, String taskKey) {
        complaints.markForwardingDeadlineMissed(complaintId);
        escalate(processInstanceId, complaintId, taskKey);
    }

    private Task openTask(String processInstanceId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + taskKey + " in " + processInstanceId);
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
