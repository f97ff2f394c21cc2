package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReissuePermit: 004 App.2 item 12; writes {@code newPermitId}. */
@Component("sduReissuePermit")
public class ReissuePermitDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public ReissuePermitDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("newPermitId", useCase.formUpdatedPermit(execution.getProcessBusinessKey()));
    }
}
