package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminder paths: input parameter {@code taskKey} names the task whose deadline nears. */
@Component("remindComplaintTaskDelegate")
public class RemindTaskDelegate implements JavaDelegate {

    private final ComplaintDeadlines deadlines;

    public RemindTaskDelegate(ComplaintDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(execution.getProcessInstanceId(),
                (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID),
                (String) execution.getVariableLocal("taskKey"));
    }
}
