package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RunLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartRun of sdu-reissuance-schedule: starts a run over the changes since the watermark; writes {@code runId}. */
@Component("sduStartScheduledRun")
public class StartScheduledRunDelegate implements JavaDelegate {

    private final RunLifecycle runs;

    public StartScheduledRunDelegate(RunLifecycle runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("runId", runs.start(null));
    }
}
