package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Escalation paths: input parameter {@code taskKey} names the task whose deadline passed; it stays open. */
@Component("escalateComplaintDeadlineDelegate")
public class EscalateDeadlineDelegate implements JavaDelegate {

    private final ComplaintDeadlines deadlines;

    public EscalateDeadlineDelegate(ComplaintDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.escalate(execution.getProcessInstanceId(),
                (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID),
                (String) execution.getVariableLocal("taskKey"));
    }
}
