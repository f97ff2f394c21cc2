package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * sdu-reissuance-run: items 3-5 collected into the ledger, one recipient instance per recipient and permit started
 * in batches, nothing offered twice, the watermark, the pilot's end; and the run API's roles and validation.
 * Each test owns a separate stretch of time for its name changes and re-collects from the first window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RunProcessTest {

    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired SyntheticRegistries synthetic;
    @Autowired SduLedger ledger;
    @Autowired SduSettings settings;
    @Autowired SduDiagramSettings diagramSettings;
    @Autowired RecipientBatchSize batchSize;
    @Autowired SduFixtures fixtures;
    @Autowired TestRestTemplate http;
    @Autowired RunLifecycle runs;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        fixtures.users();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        batchSize.set(settings.batchSize());
    }

    @Test
    void aRunCollectsRecipientsAndStartsOneInstanceEachInBatches() {
        GeneratedPopulation population = generate(101L, "2026-03-02T00:00:00Z", "2026-03-12T00:00:00Z");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-13T00:00:00Z")));
        batchSize.set(4);

        String runId = startRun("2026-01-30");
        ProcessInstance run = runInstance(runId);
        assertThat(run).hasPassed("Task_OpenRun", "Task_CheckPilotPeriod").isWaitingAt("Task_CollectCandidates");
        runJobs(run);
        assertThat(run).isEnded().hasPassed("Task_CollectCandidates", "Task_StartRecipientBatch", "Task_CloseRun",
                "End_RecipientsStarted");

        SduLedger.Run ledgerRun = ledger.run(runId).orElseThrow();
        assertThat(ledgerRun.status()).isEqualTo("STARTED_ALL");
        assertThat(ledgerRun.startedBy()).isEqualTo(SduFixtures.SPECIALIST);
        assertThat(ledgerRun.candidates()).isEqualTo(population.recipients().size());
        Set<String> expectedKeys = population.recipients().stream()
                .map(r -> Candidate.businessKey(runId, r.recipientIin(), r.permitId())).collect(Collectors.toSet());
        Set<String> started = runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .list().stream().map(ProcessInstance::getBusinessKey).filter(k -> k.startsWith(runId + ":"))
                .collect(Collectors.toSet());
        assertThat(started).isEqualTo(expectedKeys);
        assertThat(ledger.countsByOutcome(runId)).isEqualTo(Map.of("STARTED", (long) expectedKeys.size()));
        long batches = historyService.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("Task_StartRecipientBatch").count();
        assertThat(batches).as("batches of 4").isEqualTo((expectedKeys.size() + 3) / 4);
    }

    @Test
    void aRepeatedRunOverTheSameWindowStartsNothingTwiceAndTheWatermarkAdvances() {
        GeneratedPopulation population = generate(202L, "2026-04-02T00:00:00Z", "2026-04-12T00:00:00Z");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-13T00:00:00Z")));
        String first = startRun("2026-01-30");
        runJobs(runInstance(first));
        long instances = recipientInstances();

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-13T01:00:00Z")));
        String again = startRun("2026-01-30");
        runJobs(runInstance(again));
        SduLedger.Run repeated = ledger.run(again).orElseThrow();
        assertThat(repeated.candidates()).isZero();
        assertThat(repeated.alreadyOffered()).isGreaterThanOrEqualTo(population.recipients().size());
        assertThat(recipientInstances()).isEqualTo(instances);
        assertThat(ledger.countsByOutcome(again)).isEmpty();

        // without a requested window the next run opens at the last collected window's end (item 3)
        Instant watermark = ledger.watermark().orElseThrow();
        assertThat(watermark).isAfterOrEqualTo(ledger.run(again).orElseThrow().windowTo());
        ClockUtil.setCurrentTime(Date.from(watermark.plusSeconds(3600)));
        String next = startRun(null);
        runJobs(runInstance(next));
        SduLedger.Run nextRun = ledger.run(next).orElseThrow();
        assertThat(nextRun.windowFrom()).isEqualTo(watermark);
        assertThat(ledger.watermark()).contains(watermark.plusSeconds(3600));
        assertThat(nextRun.candidates()).isZero();
    }

    @Test
    void aRunAfterThePilotsEndIsRefusedByTheApiAndEndsPilotEndedThroughTheOtherDoors() {
        LocalDate end = settings.pilotEndsOn();
        // the last day (Almaty, 23:59) is still in the pilot
        ClockUtil.setCurrentTime(Date.from(end.atTime(23, 59).atZone(SduSettings.ZONE).toInstant()));
        assertThat(runs.pilotEndedProblem()).isNull();
        assertThat(diagramSettings.pilotActiveNow()).isTrue();

        // the day after: the API refuses with the reason and writes nothing
        ClockUtil.setCurrentTime(Date.from(end.plusDays(1).atTime(0, 1).atZone(SduSettings.ZONE).toInstant()));
        long runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_run", Long.class);
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").count();
        ResponseEntity<Map> answer = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", null, Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat((String) answer.getBody().get("error")).contains("pilot has ended");
        assertThat((List<String>) answer.getBody().get("reasons")).singleElement().asString()
                .contains("item 8", end.toString(), "sanepid.sdu.pilot-ends-on");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_run", Long.class)).isEqualTo(runsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").count())
                .isEqualTo(instancesBefore);

        // the Java API (as /engine-rest and Tasklist start it): the run ends PILOT_ENDED and the ledger says why
        String runId = runs.newRunId();
        runtimeService.startProcessInstanceByKey("sdu-reissuance-run", runId, Map.of("runId", runId));
        SduLedger.Run refused = ledger.run(runId).orElseThrow();
        assertThat(refused.status()).isEqualTo("PILOT_ENDED");
        assertThat(refused.statusReason()).contains("item 8", end.toString());
        ProcessInstance run = runInstance(runId);
        assertThat(run).isEnded().hasPassed("End_PilotEnded").hasNotPassed("Task_CollectCandidates");
        assertThat(ledger.countsByOutcome(runId)).isEmpty();
    }

    @Test
    void theDailyScheduleIsATimerStartFromConfigurationThatStartsARun() {
        String scheduleDefinition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("sdu-reissuance-schedule")
                .latestVersion().singleResult().getId();
        Job timer = managementService.createJobQuery().processDefinitionId(scheduleDefinition).timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(settings.scheduleCycle()).isEqualTo("0 0 2 * * ?");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-10T00:00:00Z")));
        long runsBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").count();
        managementService.executeJob(timer.getId());
        Job startRun = managementService.createJobQuery().processDefinitionId(scheduleDefinition).messages().singleResult();
        assertThat(startRun).as("Task_StartRun is an asynchronous continuation").isNotNull();
        managementService.executeJob(startRun.getId());
        List<ProcessInstance> runs = runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").list();
        assertThat(runs).hasSize((int) runsBefore + 1);
        ProcessInstance scheduled = runs.stream().filter(p -> ledger.run(p.getBusinessKey()).map(r -> "schedule"
                .equals(r.startedBy())).orElse(false)).findFirst().orElseThrow();
        assertThat(scheduled).isWaitingAt("Task_CollectCandidates");
        runJobs(scheduled);
        assertThat(managementService.createJobQuery().processDefinitionId(scheduleDefinition).timers().count())
                .as("the cycle schedules the next run").isEqualTo(1);
    }

    @Test
    void onlySpecialistsStartRunsAndBadInputIsRefused() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-11T00:00:00Z")));
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").count();
        assertThat(http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD).postForEntity("/api/sdu/runs", null,
                Map.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.postForEntity("/api/sdu/runs", null, Map.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map> bad = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", Map.of("windowFrom", "01.02.2026"), Map.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> gap = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", Map.of("windowFrom", "2099-01-01"), Map.class);
        assertThat(gap.getStatusCode().value()).isEqualTo(400);
        assertThat((List<String>) gap.getBody().get("reasons")).anyMatch(r -> r.contains("must not be after"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run").count()).isEqualTo(before);
        assertThat(http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD).getForEntity("/api/sdu/runs/nonsense",
                Map.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD).getForEntity("/api/sdu/runs/SDU-20260101-000000-abcd",
                Map.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void managersReadRunsWithMaskedPersonalDataSpecialistsInFull() {
        GeneratedPopulation population = generate(303L, "2026-05-02T00:00:00Z", "2026-05-05T00:00:00Z");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-06T00:00:00Z")));
        String runId = startRun("2026-01-30");
        runJobs(runInstance(runId));
        ResponseEntity<Map> view = http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId, Map.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) view.getBody().get("counts")).containsEntry("STARTED", population.recipients().size());
        ResponseEntity<Map> masked = http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId + "/recipients?page=0&size=2", Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) masked.getBody().get("items");
        assertThat(items).hasSize(2);
        assertThat(items).allSatisfy(i -> assertThat((String) i.get("recipientIin")).contains("*"));
        assertThat(population.recipients()).noneMatch(r -> masked.getBody().toString().contains(r.recipientIin()));
        ResponseEntity<Map> full = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId + "/recipients?page=0&size=200", Map.class);
        assertThat(((Number) full.getBody().get("total")).intValue()).isEqualTo(population.recipients().size());
        assertThat((List<Map<String, Object>>) full.getBody().get("items")).extracting(i -> (String) i.get("recipientIin"))
                .containsExactlyInAnyOrderElementsOf(population.recipients().stream()
                        .map(GeneratedPopulation.Recipient::recipientIin).toList());
        assertThat(http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId + "/recipients?size=1000", Map.class).getStatusCode().value())
                .isEqualTo(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    GeneratedPopulation generate(long seed, String from, String to) {
        return synthetic.generate(GeneratorSpec.typical(seed, 8, 4, Instant.parse(from), Instant.parse(to)));
    }

    String startRun(String windowFrom) {
        ResponseEntity<Map> answer = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", windowFrom == null ? null : Map.of("windowFrom", windowFrom), Map.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        assertThat(answer.getBody()).containsEntry("status", "OPEN");
        return (String) answer.getBody().get("runId");
    }

    ProcessInstance runInstance(String runId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run")
                .processInstanceBusinessKey(runId).list().stream().findFirst()
                .map(h -> (ProcessInstance) runtimeService.createProcessInstanceQuery().processInstanceId(h.getId()).singleResult())
                .orElseGet(() -> null) == null ? endedInstance(runId) : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(runId).processDefinitionKey("sdu-reissuance-run").singleResult();
    }

    ProcessInstance endedInstance(String runId) {
        String id = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("sdu-reissuance-run")
                .processInstanceBusinessKey(runId).singleResult().getId();
        org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity e = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        e.setId(id);
        e.setProcessInstanceId(id);
        return e;
    }

    void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 100; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("the run keeps creating jobs");
    }

    long recipientInstances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS).count();
    }
}
