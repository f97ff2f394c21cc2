package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Erasure on request: POST /api/erasure gives every historic instance about the subject an absolute removal time,
 * records the request, and the history clean-up then removes exactly that history (another person's stays).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErasureTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ComplaintRegistration registration;
    @Autowired SubjectErasure erasure;
    @Autowired SduFixtures sdu;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSubjectsHistoryGetsARemovalTimeAndTheCleanUpRemovesItAndNothingElse() {
        SecurityTestUsers.create(identityService);
        Instant now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));
        SduFixtures.Person subject = sdu.person(SduFixtures.Flag.MISSING);
        SduFixtures.Person other = sdu.person(SduFixtures.Flag.MISSING);
        // the subject: an SDU offer (ends excluded) and a complaint (decided and closed); another person's offer
        String subjectOffer = endedOffer(subject);
        String otherOffer = endedOffer(other);
        String complaint = closedComplaint(subject.iin());
        Set<String> expected = Set.of(subjectOffer, complaint);
        assertThat(erasure.instancesOf(subject.iin())).containsAll(expected).doesNotContain(otherOffer);

        ResponseEntity<Map> answer = http.withBasicAuth(Role.DPO.userId, SecurityTestUsers.PASSWORD).postForEntity(
                "/api/erasure", Map.of("iin", subject.iin(), "reason", "subject's request No. 7 of 2026-11-20"),
                Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody().toString()).doesNotContain(subject.iin());
        assertThat(((Number) answer.getBody().get("instances")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT requested_by, reason, instances FROM erasure_request WHERE subject_iin = ?",
                subject.iin())).containsEntry("REQUESTED_BY", Role.DPO.userId)
                .containsEntry("REASON", "subject's request No. 7 of 2026-11-20");

        runBatch((String) answer.getBody().get("batchId"));
        for (String id : expected) {
            HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            assertThat(h.getRemovalTime()).as(id).isEqualTo(Date.from(now));
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(expected.toArray(String[]::new))
                .list()).isNotEmpty().allSatisfy(v -> assertThat(v.getRemovalTime()).isEqualTo(Date.from(now)));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(otherOffer).singleResult()
                .getRemovalTime()).isAfter(Date.from(now.plusSeconds(100L * 24 * 3600)));

        // the clean-up, a minute later: the subject's history is gone, the other person's stays
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(60)));
        cleanUpHistory();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(expected).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(expected.toArray(String[]::new))
                .count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(otherOffer).count()).isOne();
        assertThat(erasure.instancesOf(subject.iin())).isEmpty();
    }

    @Test
    void badErasureRequestsAreRefusedAndRecordNothing() {
        SecurityTestUsers.create(identityService);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM erasure_request", Long.class);
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("iin", "123", "reason", "x"),
                Map.of("iin", sdu.newIin()), Map.of("reason", "no iin"),
                Map.of("iin", sdu.newIin(), "reason", "x".repeat(501)))) {
            ResponseEntity<String> answer = http.withBasicAuth(Role.DPO.userId, SecurityTestUsers.PASSWORD)
                    .postForEntity("/api/erasure", body, String.class);
            assertThat(answer.getStatusCode().value()).as(body.toString()).isEqualTo(400);
            assertThat(answer.getBody()).contains("reasons").doesNotContain("Exception");
        }
        assertThat(http.withBasicAuth(Role.MANAGER.userId, SecurityTestUsers.PASSWORD).postForEntity("/api/erasure",
                Map.of("iin", sdu.newIin(), "reason", "x"), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure_request", Long.class)).isEqualTo(before);
    }

    String endedOffer(SduFixtures.Person person) {
        String businessKey = sdu.offer(person, "Erasure LLP");
        String id = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getId();
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(id).list();
            if (jobs.isEmpty()) {
                break;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        return id;
    }

    String closedComplaint(String applicantIin) {
        ComplaintRegistration.Registered registered = registration.register(new ComplaintRequest(applicantIin,
                "Synthetic Applicant", null, "applicant@example.kz", "2", sdu.newBin(), "DECISION", "Refusal",
                "Issue it", List.of("refusal.pdf"), "HEAD_OF_PROVIDER", null, null));
        String id = registered.processInstanceId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(), Map.of(
                ComplaintProcess.DECISION, "REJECTED", ComplaintProcess.DECISION_REASONS, "no grounds"));
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(id).messages().list();
            if (jobs.isEmpty()) {
                break;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        return id;
    }

    /**
     * The history clean-up as the engine runs it: a run removes at most history-cleanup-batch-size rows (500) of each
     * history table, and the job is due again at once after a run that removed a full batch. In the shared test engine
     * much other history is due too (instances started under a clock set months back, so start + P180D has passed), so
     * one run need not reach the subject's rows.
     */
    void cleanUpHistory() {
        Job cleanUp = historyService.cleanUpHistoryAsync(true);
        for (int run = 0; run < 100; run++) {
            managementService.executeJob(cleanUp.getId());
            cleanUp = managementService.createJobQuery().jobId(cleanUp.getId()).singleResult();
            if (cleanUp == null || cleanUp.isSuspended() || cleanUp.getDuedate().after(ClockUtil.getCurrentTime())) {
                return;
            }
        }
        throw new AssertionError("the history clean-up is still due after 100 runs");
    }

    void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId())) {
            for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
                managementService.executeJob(job.getId());
            }
        }
    }
}
