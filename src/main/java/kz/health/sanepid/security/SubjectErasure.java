package kz.health.sanepid.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.disclosure.DisclosureProcess;
import kz.health.sanepid.professionalregister.ProfessionalRegisterProcess;
import kz.health.sanepid.reissuance.StartRecipients;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a subject's process history on request (Law 94-V art. 18): every historic process instance whose
 * business key or variables name the subject's IIN (SDU recipients by business key, consents by subject, complaints
 * by applicant, disclosures by patient, professional-register updates by worker) gets an absolute removal time of now, with its called instances, so the
 * next history clean-up removes it. The request itself is recorded in {@code erasure_request}. The application's
 * own journals (consent journal, SDU ledger, complaint register) are legal records with their own retention and
 * are not touched.
 */
@Service
public class SubjectErasure {

    /** Variables that hold the IIN of the person a process instance is about. */
    static final List<String> SUBJECT_VARIABLES = List.of(ConsentProcess.SUBJECT_IIN, ConsentProcess.RELYING_SUBJECT_IIN,
            DisclosureProcess.PATIENT_IIN, "recipientIin", "applicantId", ProfessionalRegisterProcess.PERSON_IIN);

    private final HistoryService historyService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SubjectErasure(HistoryService historyService, IdentityService identityService, JdbcTemplate jdbc,
                          Clock clock) {
        this.historyService = historyService;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Erasure(long requestId, int instances, int stillRunning, Date removalTime, String batchId) {
    }

    /**
     * Marks the subject's history for removal. Runs without the caller's engine authorization: the caller's role
     * was checked by the API (data-protection officers only), and the subject's history spans processes the
     * officer may not read (complaints, SDU recipients).
     */
    @Transactional
    public Erasure erase(String iin, String reason, String requestedBy) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            Set<String> ids = instancesOf(iin);
            Date removalTime = Date.from(clock.instant());
            String batchId = null;
            int running = 0;
            if (!ids.isEmpty()) {
                running = (int) historyService.createHistoricProcessInstanceQuery()
                        .processInstanceIds(ids).unfinished().count();
                Batch batch = historyService.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(removalTime)
                        .byIds(ids.toArray(String[]::new)).hierarchical().executeAsync();
                batchId = batch.getId();
            }
            jdbc.update("INSERT INTO erasure_request (requested_at, requested_by, subject_iin, reason, instances,"
                            + " removal_time, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new Timestamp(removalTime.getTime()), requestedBy, iin, reason, ids.size(),
                    new Timestamp(removalTime.getTime()), batchId);
            Long id = jdbc.queryForObject("SELECT MAX(id) FROM erasure_request WHERE subject_iin = ?", Long.class, iin);
            return new Erasure(id, ids.size(), running, removalTime, batchId);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** The historic process instances about the subject (ids of root or called instances alike). */
    public Set<String> instancesOf(String iin) {
        Set<String> ids = new TreeSet<>();
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKeyLike("%:" + iin + ":%").list()
                .forEach(h -> ids.add(h.getId()));
        for (String name : SUBJECT_VARIABLES) {
            historyService.createHistoricVariableInstanceQuery().variableValueEquals(name, iin).list().stream()
                    .map(HistoricVariableInstance::getProcessInstanceId).forEach(ids::add);
        }
        List<String> complaints = jdbc.queryForList("SELECT complaint_id FROM complaint WHERE applicant_id = ?",
                String.class, iin);
        if (!complaints.isEmpty()) {
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                    .processInstanceBusinessKeyIn(complaints.toArray(String[]::new)).list().stream()
                    .map(HistoricProcessInstance::getId).forEach(ids::add);
        }
        return ids;
    }
}
