package kz.health.sanepid.notification;

import java.util.List;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The reminders and escalations of a user task with a term (the complaint track, the professional register): whom a
 * reminder goes to (the assignee, or else each candidate group) and that an escalation goes to the managers. The
 * callers write the texts and record what happened on their own case; the task stays open.
 */
@Service
public class TaskReminders {

    static final String REMINDER = "Еске салу / Напоминание";
    static final String MISSED = "Мерзім өтті / Срок пропущен";

    private final TaskService taskService;
    private final NotificationPort notifications;

    public TaskReminders(TaskService taskService, NotificationPort notifications) {
        this.taskService = taskService;
        this.notifications = notifications;
    }

    /** The open task of that definition in the instance; a timer that fires without one is a defect. */
    public Task openTask(String processInstanceId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + taskKey + " in " + processInstanceId);
        }
        return task;
    }

    /** Reminds the task's assignee, or else each of its candidate groups; {@code key} makes it once per key. */
    public void remind(Task task, String key, String text) {
        if (task.getAssignee() != null) {
            notifications.notifyUser(key, task.getAssignee(), REMINDER, text);
            return;
        }
        for (String group : candidateGroups(task)) {
            notifications.notifyGroup(key + ":" + group, group, REMINDER, text);
        }
    }

    /** Tells the managers that a term was missed. */
    public void escalate(String key, String text) {
        notifications.notifyGroup(key, Roles.MANAGERS, MISSED, text);
    }

    /** The task's due day in Almaty, as the texts name it; "-" without a due date. */
    public static String dueDay(Task task) {
        return task.getDueDate() == null ? "-"
                : task.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().toString();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
