package kz.health.sanepid.reissuance;

import java.util.List;

import kz.health.sanepid.consent.ConsentProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts one {@code sdu-reissuance-recipient} instance per candidate, a batch per job: each candidate is marked
 * started in the same transaction that starts its instance, so a failed job starts nothing and a retried one
 * continues where the last committed batch ended.
 */
@Service
public class StartRecipients {

    public static final String RECIPIENT_PROCESS = "sdu-reissuance-recipient";

    private final RuntimeService runtimeService;
    private final SduLedger ledger;

    public StartRecipients(RuntimeService runtimeService, SduLedger ledger) {
        this.runtimeService = runtimeService;
        this.ledger = ledger;
    }

    /**
     * The only variables a recipient's instance starts with: whom the item 6 and МАБ look-ups ask about, and whose
     * consent revocation stops it. Run, holder and permit stay in the ledger (business key runId:iin:permitId):
     * fewer copies of personal data in the engine's tables, and 9 fewer rows per recipient (docs/PERFORMANCE.md).
     */
    public static VariableMap variables(String recipientIin) {
        return Variables.createVariables().putValue("recipientIin", recipientIin)
                .putValue(ConsentProcess.RELYING_SUBJECT_IIN, recipientIin);
    }

    /** Starts up to {@code batchSize} instances; answers how many candidates are still waiting to start. */
    public int startBatch(String runId, int batchSize) {
        List<SduLedger.Recipient> batch = ledger.candidatesToStart(runId, batchSize);
        for (SduLedger.Recipient r : batch) {
            if (ledger.markStarted(r.businessKey())) {
                runtimeService.startProcessInstanceByKey(RECIPIENT_PROCESS, r.businessKey(), variables(r.recipientIin()));
            }
        }
        return batch.size() < batchSize ? 0 : ledger.candidatesToStart(runId, 1).size();
    }
}
