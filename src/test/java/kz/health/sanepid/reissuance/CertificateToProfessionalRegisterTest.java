package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import kz.health.sanepid.professionalregister.ProfessionalRegisterProcess;
import kz.health.sanepid.professionalregister.RegisterUpdates;
import kz.health.sanepid.reissuance.SduFixtures.Person;
import kz.health.sanepid.security.HrSpecialists;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end, order No. 66 item 9 after 004 App.2 item 12: a renamed individual employed at a health organisation
 * holds a specialist certificate (service 1) and a permit of service 4; from the civil registry's name change
 * through the run API, the SMS and reply 1, both are REISSUED without waiting for anyone, and only the certificate
 * becomes a professional-register update: a task of the employer's HR group {@code hr-<BIN>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CertificateToProfessionalRegisterTest {

    static final Instant NOW = Instant.parse("2026-09-14T04:00:00Z");

    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RegisterUpdates updates;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void anIndividualsReissuedCertificateBecomesATaskOfTheEmployersHrSpecialists() {
        fixtures.users();
        ClockUtil.setCurrentTime(Date.from(NOW));
        Person person = fixtures.person();
        String employer = fixtures.newBin();
        jdbc.update("UPDATE person SET employer_bin = ? WHERE iin = ?", employer, person.iin());
        String pathogens = fixtures.permit(person.iin(), "PERSON", 4, "Тестов Ерлан");
        String certificate = fixtures.permit(person.iin(), "PERSON", 1, "Тестов Ерлан");
        jdbc.update("INSERT INTO civil_name_change (iin, previous_full_name, new_full_name, changed_at) VALUES (?, ?, ?, ?)",
                person.iin(), "Тестов Ерлан", "Жаңаев Ерлан Сәкенұлы", Timestamp.from(NOW.minusSeconds(86_400)));

        ResponseEntity<Map> started = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", Map.of("windowFrom", "2026-01-30"), Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        String runId = (String) started.getBody().get("runId");
        ProcessInstance run = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(runId).singleResult();
        RecipientJobs.runUntil(runtimeService, managementService, run, () -> false);
        String certificateKey = Candidate.businessKey(runId, person.iin(), certificate);
        String pathogensKey = Candidate.businessKey(runId, person.iin(), pathogens);
        for (String key : new String[] {certificateKey, pathogensKey}) {
            RecipientJobs.runUntil(runtimeService, managementService, recipient(key), () -> false);
            assertThat(recipient(key)).isWaitingAt("Task_AwaitReply");
        }
        ResponseEntity<Map> reply = http.exchange("/api/sms/inbound", HttpMethod.POST,
                RecipientProcessTest.gateway(Map.of("from", person.phone(), "text", "1", "receivedAt", NOW.toString())),
                Map.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        for (String key : new String[] {certificateKey, pathogensKey}) {
            ProcessInstance pi = recipient(key);
            RecipientJobs.runUntil(runtimeService, managementService, pi, () -> false);
            assertThat(pi).isEnded().hasPassed("Task_ReissuePermit", "Task_NotifyReissued", "End_Reissued");
            assertThat(ledger.recipient(key).orElseThrow().outcome()).isEqualTo(RecipientOutcome.REISSUED);
        }

        // the certificate's update: started by End_Reissued, its first step a job of its own (nobody waited for it)
        String newCertificate = ledger.recipient(certificateKey).orElseThrow().newPermitId();
        String newPathogens = ledger.recipient(pathogensKey).orElseThrow().newPermitId();
        ProcessInstance update = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProfessionalRegisterProcess.KEY).processInstanceBusinessKey(newCertificate)
                .singleResult();
        assertThat(update).isNotNull();
        assertThat(update).isWaitingAt("Task_FindEmployer");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProfessionalRegisterProcess.KEY)
                .processInstanceBusinessKey(newPathogens).count()).as("service 4: no register update").isZero();
        assertThat(updates.find(newPathogens)).isEmpty();
        RegisterUpdates.Update requested = updates.find(newCertificate).orElseThrow();
        assertThat(requested.recipientBusinessKey()).isEqualTo(certificateKey);
        assertThat(requested.replacesPermitId()).isEqualTo(certificate);
        assertThat(requested.personIin()).isEqualTo(person.iin());

        Job findEmployer = managementService.createJobQuery().processInstanceId(update.getId()).singleResult();
        managementService.executeJob(findEmployer.getId());
        assertThat(update).isWaitingAt(ProfessionalRegisterProcess.TASK_UPDATE_REGISTER);
        Task task = taskService.createTaskQuery().processInstanceId(update.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(HrSpecialists.group(employer));
        assertThat(taskService.getVariable(task.getId(), ProfessionalRegisterProcess.NEW_FULL_NAME))
                .isEqualTo("Жаңаев Ерлан Сәкенұлы");
        assertThat(updates.find(newCertificate).orElseThrow().outcome()).isEqualTo(RegisterUpdates.Outcome.OPEN);
    }

    ProcessInstance recipient(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKey(businessKey).singleResult();
    }
}
