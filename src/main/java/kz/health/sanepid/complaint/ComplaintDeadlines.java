package kz.health.sanepid.complaint;

import kz.health.sanepid.notification.TaskReminders;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Reminders one working day before a task's deadline and escalations at it; the task stays open. */
@Service
public class ComplaintDeadlines {

    private final TaskReminders reminders;
    private final Complaints complaints;

    public ComplaintDeadlines(TaskReminders reminders, Complaints complaints) {
        this.reminders = reminders;
        this.complaints = complaints;
    }

    /** Reminds the task's assignee, or else its candidate groups. */
    public void remind(String processInstanceId, String complaintId, String taskKey) {
        Task task = reminders.openTask(processInstanceId, taskKey);
        reminders.remind(task, complaintId + ":remind:" + taskKey,
                ComplaintNotices.reminder(complaintId, task.getName(), TaskReminders.dueDay(task)));
        complaints.event(complaintId, Complaints.EventKind.REMINDED, taskKey);
    }

    /** Records the missed deadline on the case and tells the managers' group. */
    public void escalate(String processInstanceId, String complaintId, String taskKey) {
        Task task = reminders.openTask(processInstanceId, taskKey);
        reminders.escalate(complaintId + ":escalate:" + taskKey,
                ComplaintNotices.escalation(complaintId, task.getName(), TaskReminders.dueDay(task)));
        complaints.event(complaintId, Complaints.EventKind.ESCALATED, taskKey);
    }

    /** The provider did not forward nor satisfy within 3 working days (APPK art. 91(4)): flag and escalate. */
    public void forwardingDeadlineMissed(String processInstanceId, String complaintId, String taskKey) {
        complaints.markForwardingDeadlineMissed(complaintId);
        escalate(processInstanceId, complaintId, taskKey);
    }
}
