package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.ReissueObligation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called from sdu-reissuance-recipient: {@code register} on Flow_ReissueInPilot (taken), {@code release} as the
 * process's end listener, {@code consentPurpose} as the consent call activity's input (Law 94-V art. 8, 14).
 */
@Component("sduReissueObligation")
public class ReissueObligationListener {

    private final ReissueObligation useCase;

    public ReissueObligationListener(ReissueObligation useCase) {
        this.useCase = useCase;
    }

    public void register(DelegateExecution execution) {
        useCase.register(execution.getProcessBusinessKey());
    }

    public void release(DelegateExecution execution) {
        useCase.release(execution.getProcessBusinessKey());
    }

    public String consentPurpose(DelegateExecution execution) {
        return useCase.purpose(execution.getProcessBusinessKey());
    }
}
