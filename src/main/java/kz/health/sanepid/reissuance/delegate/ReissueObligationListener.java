package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.ReissueObligation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The consent call activity's purpose, {@code ${sduReissueObligation.consentPurpose(execution)}} (Law 94-V art. 8). */
@Component("sduReissueObligation")
public class ReissueObligationListener {

    private final ReissueObligation useCase;

    public ReissueObligationListener(ReissueObligation useCase) {
        this.useCase = useCase;
    }

    public String consentPurpose(DelegateExecution execution) {
        return useCase.purpose(execution.getProcessBusinessKey());
    }
}
