package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateForwarding: the provider let 3 working days pass (APPK art. 91(4)); the case is flagged
 * ({@code forwardingDeadlineMissed=true}, visible in Cockpit and in the stats) and the managers are told.
 */
@Component("forwardingDeadlineMissedDelegate")
public class ForwardingDeadlineMissedDelegate implements JavaDelegate {

    private final ComplaintDeadlines deadlines;

    public ForwardingDeadlineMissedDelegate(ComplaintDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.forwardingDeadlineMissed(execution.getProcessInstanceId(),
                (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID), ComplaintProcess.TASK_FIRST_REVIEW);
        execution.setVariable(ComplaintProcess.FORWARDING_DEADLINE_MISSED, Variables.booleanValue(true));
    }
}
