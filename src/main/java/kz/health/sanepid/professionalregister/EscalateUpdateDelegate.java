package kz.health.sanepid.professionalregister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateUpdate. */
@Component("professionalRegisterEscalate")
public class EscalateUpdateDelegate implements JavaDelegate {

    private final RegisterDeadlines deadlines;

    public EscalateUpdateDelegate(RegisterDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.escalate(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
