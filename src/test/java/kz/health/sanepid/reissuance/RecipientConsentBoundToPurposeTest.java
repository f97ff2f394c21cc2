package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.reissuance.SduFixtures.Person;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Consent bound to its purpose (Law 94-V art. 8, 14; 004 item 4.2, App.2 item 18) on the real SDU recipient process:
 * a subject holds the re-issuance's consent (from {@code CallActivity_ConfirmConsent}) and a clinic's consent.
 * Revoking the clinic's consent leaves the re-issuance going on to REISSUED; revoking the SDU one stops it with
 * CONSENT_REVOKED and leaves the clinic's process alone. Through the API, as the data-protection officer would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecipientConsentBoundToPurposeTest {

    static final Instant NOW = Instant.parse("2026-06-01T05:00:00Z");
    static final String DPO = "purposedpo";
    static final String PASSWORD = "Purpose#Dpo-Test2026";
    /** Another operator than the SDU's (a clinic), valid BIN. */
    static final String CLINIC = "050140000120";
    static final String STUB = "consent-relying-stub";

    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        if (identityService.createUserQuery().userId(DPO).count() == 0) {
            User u = identityService.newUser(DPO);
            u.setPassword(PASSWORD);
            identityService.saveUser(u);
            if (identityService.createGroupQuery().groupId(Roles.DATA_PROTECTION_OFFICERS).count() == 0) {
                identityService.saveGroup(identityService.newGroup(Roles.DATA_PROTECTION_OFFICERS));
            }
            identityService.createMembership(DPO, Roles.DATA_PROTECTION_OFFICERS);
        }
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    /** A recipient waiting at the re-issue on its SDU consent, and a clinic's process on the same subject's other. */
    record TwoConsents(Person subject, String businessKey, ProcessInstance reissuance, String sduConsent,
            String clinicConsent, ProcessInstance care) {
    }

    TwoConsents twoConsents(String newName) {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, newName);
        ProcessInstance pi = agreedAndConsented(bk, p);
        String sduConsent = (String) runtimeService.getVariable(pi.getId(), ConsentProcess.CONSENT_RECORD_ID);
        String clinicConsent = clinicConsent(p.iin());
        assertThat(sduConsent).isNotEqualTo(clinicConsent);
        return new TwoConsents(p, bk, pi, sduConsent, clinicConsent, relyingOn(clinicConsent, p.iin()));
    }

    @Test
    void revokingTheClinicConsentKeepsTheReissuance() {
        TwoConsents two = twoConsents("Мақсат ЖШС");
        ProcessInstance pi = two.reissuance();
        ProcessInstance care = two.care();
        String bk = two.businessKey();

        ProcessInstance revocation = revoke(two.clinicConsent(), two.subject().iin());

        assertThat(revocation).isEnded().hasPassed("Event_ConsentRevoked");
        assertThat(care).isEnded().hasPassed("Event_StoppedUsingData");
        assertThat(pi).isWaitingAt("Task_ReissuePermit").hasNotPassed("StartEvent_ConsentRevoked");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_Reissued").hasNotPassed("End_ConsentRevoked");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.REISSUED);
    }

    @Test
    void revokingTheSduConsentStopsTheReissuanceAndKeepsTheClinicProcess() {
        TwoConsents two = twoConsents("Мақсат-2 ЖШС");
        ProcessInstance pi = two.reissuance();
        ProcessInstance care = two.care();
        String bk = two.businessKey();

        ProcessInstance revocation = revoke(two.sduConsent(), two.subject().iin());

        assertThat(revocation).isEnded().hasPassed("Event_ConsentRevoked");
        assertThat(pi).isEnded().hasPassed("StartEvent_ConsentRevoked", "End_ConsentRevoked")
                .hasNotPassed("Task_ReissuePermit");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.CONSENT_REVOKED);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(care).isWaitingAt("Task_AwaitReissuance");
    }

    /** Reply 1, then the consent call (embedded ДҚБ grants at once) up to the re-issue's job. */
    ProcessInstance agreedAndConsented(String bk, Person p) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(StartRecipients.RECIPIENT_PROCESS).processInstanceBusinessKey(bk).singleResult();
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        ResponseEntity<Map> answer = http.exchange("/api/sms/inbound", org.springframework.http.HttpMethod.POST,
                RecipientProcessTest.gateway(Map.of("from", p.phone(), "text", "1",
                        "receivedAt", ClockUtil.now().toInstant().toString())), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        RecipientJobs.runUntil(runtimeService, managementService, pi, () -> waitsAt(pi, "Task_ReissuePermit"));
        assertThat(pi).isWaitingAt("Task_ReissuePermit").hasPassed("CallActivity_ConfirmConsent");
        assertThat(runtimeService.getVariable(pi.getId(), "consentOutcome")).isEqualTo("GRANTED");
        return pi;
    }

    /** A consent of the same subject for a clinic (another operator and purpose), granted at once. */
    String clinicConsent(String iin) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsentProcess.SUBJECT_IIN, iin);
        vars.put(ConsentProcess.OPERATOR_BIN, CLINIC);
        vars.put(ConsentProcess.PURPOSE, "clinic: medical care " + UUID.randomUUID());
        vars.put(ConsentProcess.DATA_CATEGORIES, "NAME,CONTACTS");
        vars.put(ConsentProcess.REQUESTER_KIND, "OPERATOR");
        vars.put(ConsentProcess.CHANNEL, "STATE_SERVICE");
        ProcessInstance consent = runtimeService.startProcessInstanceByKey(ConsentProcess.PROCESS_ID, vars);
        runJobs(consent);
        assertThat(consent).isEnded();
        Object id = historyService.createHistoricVariableInstanceQuery().processInstanceId(consent.getId())
                .variableName(ConsentProcess.CONSENT_RECORD_ID).singleResult().getValue();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(consent.getId())
                .variableName(ConsentProcess.CONSENT_OUTCOME).singleResult().getValue()).isEqualTo("GRANTED");
        return (String) id;
    }

    ProcessInstance relyingOn(String consentId, String iin) {
        return runtimeService.startProcessInstanceByKey(STUB, Map.of(ConsentProcess.RELYING_CONSENT_ID, consentId,
                ConsentProcess.RELYING_SUBJECT_IIN, iin));
    }

    /**
     * The data-protection officer's revocation through the API; where art. 8's bar stands (an unfinished re-issuance
     * registers its obligation), the officer lets the revocation stand on review, as the subject insists.
     */
    ProcessInstance revoke(String consentId, String iin) {
        ResponseEntity<Map> answer = http.withBasicAuth(DPO, PASSWORD).postForEntity(
                "/api/consents/" + consentId + "/revocation",
                Map.of("subjectIin", iin, "channel", "WRITTEN", "reason", "келісімімді қайтарамын"), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ProcessInstance revocation = runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) answer.getBody().get("processInstanceId")).singleResult();
        Task review = taskService.createTaskQuery().processInstanceId(revocation.getId()).singleResult();
        if (review != null) {
            taskService.claim(review.getId(), DPO);
            taskService.complete(review.getId(), Map.of(ConsentProcess.REVIEW_DECISION, "ALLOW_REVOCATION",
                    ConsentProcess.REVIEW_COMMENT, "the subject insists"));
        }
        runJobs(revocation);
        return revocation;
    }

    boolean waitsAt(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() > 0;
    }

    void runJobs(ProcessInstance pi) {
        RecipientJobs.runUntil(runtimeService, managementService, pi, () -> false);
    }
}
