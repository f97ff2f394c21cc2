package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RunLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckPilotPeriod: joint order item 8; writes {@code pilotActive}. */
@Component("sduCheckPilotPeriod")
public class CheckPilotPeriodDelegate implements JavaDelegate {

    private final RunLifecycle runs;

    public CheckPilotPeriodDelegate(RunLifecycle runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("pilotActive", runs.pilotActive((String) execution.getVariable("runId")));
    }
}
