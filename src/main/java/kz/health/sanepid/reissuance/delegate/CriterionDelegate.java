package kz.health.sanepid.reissuance.delegate;

import java.util.Optional;

import kz.health.sanepid.reissuance.SduLedger;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * One criterion of item 6: a recipient who fails it leaves the list with the reason kept in the ledger; the
 * diagram catches {@value #EXCLUDED} on the task's boundary and ends with that criterion's outcome.
 */
abstract class CriterionDelegate implements JavaDelegate {

    static final String EXCLUDED = "SDU_EXCLUDED";

    private final SduLedger ledger;

    CriterionDelegate(SduLedger ledger) {
        this.ledger = ledger;
    }

    abstract Optional<String> check(String businessKey, String recipientIin);

    @Override
    public void execute(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        Optional<String> reason = check(businessKey, (String) execution.getVariable("recipientIin"));
        if (reason.isPresent()) {
            ledger.detail(businessKey, reason.get());
            throw new BpmnError(EXCLUDED, reason.get());
        }
    }
}
