package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RunLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseRun: every candidate of the run has its instance. */
@Component("sduCloseRun")
public class CloseRunDelegate implements JavaDelegate {

    private final RunLifecycle runs;

    public CloseRunDelegate(RunLifecycle runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runs.close((String) execution.getVariable("runId"));
    }
}
