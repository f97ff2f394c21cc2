package kz.health.sanepid.professionalregister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** End_Reissued of sdu-reissuance-recipient (message end event): hands a re-issued certificate over. */
@Component("professionalRegisterHandOff")
public class HandOffDelegate implements JavaDelegate {

    private final RegisterHandOff useCase;

    public HandOffDelegate(RegisterHandOff useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        useCase.afterReissue(execution.getProcessBusinessKey());
    }
}
