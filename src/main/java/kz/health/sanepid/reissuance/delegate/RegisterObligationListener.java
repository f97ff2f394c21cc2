package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.ReissueObligation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Flow_ReissueInPilot's take listener: the re-issue is about to run, so the consent's processing is registered as
 * an obligation a revocation must wait for (Law 94-V art. 8(2), 14).
 */
@Component("sduRegisterObligation")
public class RegisterObligationListener implements ExecutionListener {

    private final ReissueObligation useCase;

    public RegisterObligationListener(ReissueObligation useCase) {
        this.useCase = useCase;
    }

    @Override
    public void notify(DelegateExecution execution) {
        useCase.register(execution.getProcessBusinessKey());
    }
}
