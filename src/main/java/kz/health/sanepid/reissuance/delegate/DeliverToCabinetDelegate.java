package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeliverToCabinet: 004 App.2 item 12. */
@Component("sduDeliverToCabinet")
public class DeliverToCabinetDelegate implements JavaDelegate {

    private final RecipientSteps useCase;

    public DeliverToCabinetDelegate(RecipientSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.deliverToCabinet(execution.getProcessBusinessKey());
    }
}
