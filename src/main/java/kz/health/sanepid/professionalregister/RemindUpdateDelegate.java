package kz.health.sanepid.professionalregister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindUpdate. */
@Component("professionalRegisterRemind")
public class RemindUpdateDelegate implements JavaDelegate {

    private final RegisterDeadlines deadlines;

    public RemindUpdateDelegate(RegisterDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
