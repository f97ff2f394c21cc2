package kz.health.sanepid.reissuance;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * TEST STAND-IN for the personal-data-consent process (src/test/resources/processes/test-stubs): answers the
 * outcome a test sets (GRANTED by default) and keeps what the caller passed in, for assertions.
 */
@Component("consentStandIn")
public class ConsentStandIn {

    private volatile String outcome = "GRANTED";
    private final Map<String, Object> lastInput = new HashMap<>();

    public void answerNext(String outcome) {
        this.outcome = outcome;
    }

    public synchronized Map<String, Object> lastInput() {
        return Map.copyOf(lastInput);
    }

    public synchronized void answer(DelegateExecution execution) {
        lastInput.clear();
        for (String name : new String[] {"subjectIin", "operatorBin", "purpose", "dataCategories", "requesterKind", "channel"}) {
            lastInput.put(name, execution.getVariable(name));
        }
        lastInput.put("businessKey", execution.getProcessBusinessKey());
        execution.setVariable("consentOutcome", outcome);
        execution.setVariable("consentRecordId", "TEST-CONSENT-" + execution.getProcessInstanceId());
    }
}
