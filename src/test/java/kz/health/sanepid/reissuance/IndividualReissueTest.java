package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.reissuance.SduFixtures.Person;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Individuals (004 App.1, the SMS template's "surname, name, patronymic"): a person holding a permit of any of the
 * 4 services under their IIN is a recipient. From the civil registry's name change through the run API, the SMS and
 * reply 1 to REISSUED, for a permit of service 4 and the specialist certificate of service 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndividualReissueTest {

    static final Instant NOW = Instant.parse("2026-09-14T04:00:00Z");

    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aRenamedPersonHoldingAPermitOfService4AndACertificateIsOfferedBothAndReissued() {
        fixtures.users();
        ClockUtil.setCurrentTime(Date.from(NOW));
        Person person = fixtures.person();
        String pathogens = fixtures.permit(person.iin(), "PERSON", 4, "Тестов Ерлан");
        String certificate = fixtures.permit(person.iin(), "PERSON", 1, "Тестов Ерлан");
        jdbc.update("INSERT INTO civil_name_change (iin, previous_full_name, new_full_name, changed_at) VALUES (?, ?, ?, ?)",
                person.iin(), "Тестов Ерлан", "Жаңаев Ерлан Сәкенұлы", Timestamp.from(NOW.minusSeconds(86_400)));

        ResponseEntity<Map> started = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", Map.of("windowFrom", "2026-01-30"), Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        String runId = (String) started.getBody().get("runId");
        ProcessInstance run = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(runId).singleResult();
        runJobs(run.getId());

        List<String> keys = List.of(Candidate.businessKey(runId, person.iin(), pathogens),
                Candidate.businessKey(runId, person.iin(), certificate));
        for (String key : keys) {
            SduLedger.Recipient r = ledger.recipient(key).orElseThrow();
            assertThat(r.holderKind()).isEqualTo("PERSON");
            assertThat(r.newHolderName()).isEqualTo("Жаңаев Ерлан Сәкенұлы");
            runJobs(instance(key).getId());
            assertThat(instance(key)).isWaitingAt("Task_AwaitReply");
        }

        ResponseEntity<Map> reply = http.exchange("/api/sms/inbound", org.springframework.http.HttpMethod.POST,
                RecipientProcessTest.gateway(Map.of("from", person.phone(), "text", "1", "receivedAt", NOW.toString())),
                Map.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        for (String key : keys) {
            ProcessInstance pi = instance(key);
            runAll(pi);
            assertThat(pi).isEnded().hasPassed("CallActivity_ConfirmConsent", "Task_ReissuePermit", "End_Reissued");
            SduLedger.Recipient r = ledger.recipient(key).orElseThrow();
            assertThat(r.outcome()).isEqualTo(RecipientOutcome.REISSUED);
            assertThat(jdbc.queryForMap("SELECT holder_name, holder_id, replaces_permit_id FROM permit WHERE permit_id = ?",
                    r.newPermitId())).containsEntry("HOLDER_NAME", "Жаңаев Ерлан Сәкенұлы")
                    .containsEntry("HOLDER_ID", person.iin()).containsEntry("REPLACES_PERMIT_ID", r.permitId());
        }
    }

    ProcessInstance instance(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    void runJobs(String processInstanceId) {
        RecipientJobs.runUntil(runtimeService, managementService,
                runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult(), () -> false);
    }

    void runAll(ProcessInstance pi) {
        RecipientJobs.runUntil(runtimeService, managementService, pi, () -> false);
    }
}
