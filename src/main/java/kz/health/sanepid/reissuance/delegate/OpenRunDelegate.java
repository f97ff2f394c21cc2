package kz.health.sanepid.reissuance.delegate;


import kz.health.sanepid.reissuance.RunLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenRun: gives the run its id (the API passes one; a scheduled start gets a new one) and opens it in the
 * run ledger, with who started it ({@code startedBy}, the start event's initiator; "schedule" for the timer).
 */
@Component("sduOpenRun")
public class OpenRunDelegate implements JavaDelegate {

    private final RunLifecycle runs;

    public OpenRunDelegate(RunLifecycle runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String runId = (String) execution.getVariable("runId");
        if (runId == null) {
            runId = runs.newRunId();
            execution.setVariable("runId", runId);
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(runId);
        }
        String from = (String) execution.getVariable("windowFrom");
        runs.open(runId, execution.getProcessInstanceId(), (String) execution.getVariable("startedBy"),
                RunLifecycle.parseWindowFrom(from));
    }
}
