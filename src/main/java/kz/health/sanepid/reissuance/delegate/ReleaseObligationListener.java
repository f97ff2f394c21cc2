package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.ReissueObligation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The recipient process's end listener: the obligation registered for the re-issue ends with it (Law 94-V art. 14). */
@Component("sduReleaseObligation")
public class ReleaseObligationListener implements ExecutionListener {

    private final ReissueObligation useCase;

    public ReleaseObligationListener(ReissueObligation useCase) {
        this.useCase = useCase;
    }

    @Override
    public void notify(DelegateExecution execution) {
        useCase.release(execution.getProcessBusinessKey());
    }
}
