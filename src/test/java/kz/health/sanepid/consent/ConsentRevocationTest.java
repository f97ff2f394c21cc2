package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentEventType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** personal-data-consent-revocation, started as a data-protection officer would, through the API. */
class ConsentRevocationTest extends ConsentTestSupport {

    /** An adult of the two-consents test only (no obligation registered for them by another test). */
    static final String TWO_CONSENTS = "920303300019";
    static final String STUB = "consent-relying-stub";
    /** A clinic's BIN (valid check digit), another operator than {@link #OPERATOR}. */
    static final String CLINIC = "050140000120";

    @Autowired
    ConsentObligations obligations;

    /** A consent granted at once through the embedded ДҚБ service, as the SDU process would obtain it. */
    ProcessInstance grantedConsent(String subjectIin) {
        ProcessInstance pi = start(request(subjectIin, "NAME,CONTACTS", "OPERATOR"));
        executeContinuations(pi);
        assertThat(consentOf(pi).status()).isEqualTo(GRANTED);
        return pi;
    }

    /** A process relying on the consent, as the SDU recipient process is after its consent call. */
    ProcessInstance relyingOn(String consentId, String subjectIin) {
        return runtimeService.startProcessInstanceByKey(STUB, Map.of(ConsentProcess.RELYING_CONSENT_ID, consentId,
                ConsentProcess.RELYING_SUBJECT_IIN, subjectIin));
    }

    /** A consent of the same subject for another operator and purpose (a clinic's), granted at once. */
    ProcessInstance clinicConsent(String subjectIin) {
        Map<String, Object> clinic = request(subjectIin, "NAME,CONTACTS", "OPERATOR");
        clinic.put(ConsentProcess.OPERATOR_BIN, CLINIC);
        clinic.put(ConsentProcess.PURPOSE, "clinic: medical care " + java.util.UUID.randomUUID());
        ProcessInstance pi = start(clinic);
        executeContinuations(pi);
        assertThat(consentOf(pi).status()).isEqualTo(GRANTED);
        return pi;
    }

    ResponseEntity<Map> revoke(String user, String consentId, String subjectIin) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/consents/" + consentId + "/revocation",
                Map.of("subjectIin", subjectIin, "channel", "WRITTEN", "reason", "келісімімді қайтарамын"), Map.class);
    }

    ProcessInstance revocation(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) answer.getBody().get("processInstanceId")).singleResult();
    }

    @Test
    void aRevocationThatStandsIsRecordedAndStopsAWaitingRelyingProcess() {
        ProcessInstance consent = grantedConsent(ADULT);
        String consentId = consentOf(consent).consentId();
        ProcessInstance relying = relyingOn(consentId, ADULT);
        ProcessInstance otherSubject = relyingOn(consentOf(grantedConsent(ADULT_2)).consentId(), ADULT_2);
        assertThat(relying).isWaitingAt("Task_AwaitReissuance");

        ProcessInstance revocation = revocation(revoke(DPO_USER, consentId, ADULT));

        assertThat(revocation).isWaitingAt("Task_AnnounceRevocation")
                .hasPassed("Task_CheckRevocability", "Task_RecordRevocation").hasNotPassed("Task_ReviewRevocation");
        ConsentHistory revoked = records.consent(consentId).orElseThrow();
        assertThat(types(revoked)).containsExactly(REQUESTED, GRANTED, REVOKED);
        assertThat(revoked.status()).isEqualTo(REVOKED);
        assertThat(revoked.events().get(2).channel()).isEqualTo("WRITTEN");
        assertThat(revoked.events().get(2).recordedBy()).isEqualTo("subject via " + DPO_USER);
        assertThat(revoked.events().get(2).note()).isEqualTo("келісімімді қайтарамын");
        assertThat(relying).isWaitingAt("Task_AwaitReissuance");

        executeContinuations(revocation);

        assertThat(revocation).isEnded().hasPassed("Event_ConsentRevoked");
        assertThat(variable(revocation, "relyingProcessesTold")).isEqualTo(1);
        assertThat(relying).isEnded().hasPassed("StartEvent_ConsentRevoked", "Event_StoppedUsingData")
                .hasNotPassed("Event_Done");
        assertThat(otherSubject).isWaitingAt("Task_AwaitReissuance");

        // the revoked consent no longer covers a request: the subject is asked again
        Map<String, Object> again = request(ADULT, "NAME", "OPERATOR");
        again.put(ConsentProcess.PURPOSE, revoked.facts().purpose());
        assertThat(start(again)).isWaitingAt("Task_FindRespondent");
        // and it cannot be revoked twice
        assertThat(revoke(DPO_USER, consentId, ADULT).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aRevocationIsRefusedWhileAnObligationIsUnfulfilled() {
        ProcessInstance consent = grantedConsent(INCAPABLE);
        String consentId = consentOf(consent).consentId();
        obligations.register(INCAPABLE, OPERATOR, ConsentObligations.Kind.UNFULFILLED_OBLIGATION,
                "рұқсатты қайта ресімдеу аяқталмаған / переоформление разрешения не завершено", null);
        ProcessInstance relying = relyingOn(consentId, INCAPABLE);

        ProcessInstance revocation = revocation(revoke(DPO_USER, consentId, INCAPABLE));

        assertThat(revocation).isWaitingAt("Task_ReviewRevocation");
        assertThat(runtimeService.getVariable(revocation.getId(), ConsentProcess.REVOCATION_BAR))
                .isEqualTo("UNFULFILLED_OBLIGATION");
        assertThat((String) runtimeService.getVariable(revocation.getId(), ConsentProcess.REVOCATION_BARS))
                .contains("переоформление разрешения не завершено");
        Task task = taskService.createTaskQuery().processInstanceId(revocation.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anyMatch(l -> "data-protection-officers".equals(l.getGroupId()));
        assertThat(revoke(DPO_USER, consentId, INCAPABLE).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        taskService.claim(task.getId(), DPO_USER);
        taskService.complete(task.getId(), Map.of(ConsentProcess.REVIEW_DECISION, "REFUSE_REVOCATION",
                ConsentProcess.REVIEW_COMMENT, "Заң 94-V 8-бап: міндеттеме орындалмаған"));

        assertThat(revocation).isEnded().hasPassed("Task_RecordRevocationRefused", "Event_RevocationRefused")
                .hasNotPassed("Task_RecordRevocation", "Task_AnnounceRevocation");
        assertThat(variable(revocation, ConsentProcess.REVOCATION_OUTCOME)).isEqualTo("REVOCATION_REFUSED");
        ConsentHistory stands = records.consent(consentId).orElseThrow();
        assertThat(types(stands)).containsExactly(REQUESTED, GRANTED, REVOCATION_REFUSED);
        assertThat(stands.status()).isEqualTo(GRANTED);
        ConsentEvent refused = stands.events().get(2);
        assertThat(refused.recordedBy()).isEqualTo(DPO_USER);
        assertThat(refused.note()).startsWith("UNFULFILLED_OBLIGATION: ");
        assertThat(refused.respondentGround()).isEqualTo(RespondentGround.REPRESENTATIVE_OF_INCAPABLE);
        assertThat(relying).isWaitingAt("Task_AwaitReissuance");
    }

    @Test
    void theOfficerMayLetARevocationStandDespiteAStatutoryRequirement() {
        ProcessInstance consent = grantedConsent(GUARDIAN);
        String consentId = consentOf(consent).consentId();
        obligations.register(GUARDIAN, OPERATOR, ConsentObligations.Kind.STATUTORY_REQUIREMENT,
                "медициналық құжаттаманы сақтау / хранение медицинской документации", "Health Code");

        ProcessInstance revocation = revocation(revoke(DPO_USER, consentId, GUARDIAN));
        assertThat(runtimeService.getVariable(revocation.getId(), ConsentProcess.REVOCATION_BAR))
                .isEqualTo("LAW_REQUIRES_PROCESSING");
        Task task = taskService.createTaskQuery().processInstanceId(revocation.getId()).singleResult();
        taskService.claim(task.getId(), DPO_USER);
        taskService.complete(task.getId(), Map.of(ConsentProcess.REVIEW_DECISION, "ALLOW_REVOCATION",
                ConsentProcess.REVIEW_COMMENT, "талап осы операторға қатысты емес / требование не относится"));
        executeContinuations(revocation);

        assertThat(revocation).isEnded().hasPassed("Task_RecordRevocation", "Event_ConsentRevoked");
        ConsentHistory revoked = records.consent(consentId).orElseThrow();
        assertThat(revoked.status()).isEqualTo(REVOKED);
        assertThat(revoked.events().get(2).recordedBy()).isEqualTo(DPO_USER);
    }

    @Test
    void onlyTheSubjectsGrantedConsentCanBeRevokedAndOnlyByTheOfficer() {
        String consentId = consentOf(grantedConsent(PARENT)).consentId();
        long before = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConsentProcess.REVOCATION_PROCESS_ID).count();

        assertThat(revoke(MANAGER_USER, consentId, PARENT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(revoke(OTHER_USER, consentId, PARENT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> wrongSubject = revoke(DPO_USER, consentId, ADULT);
        assertThat(wrongSubject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongSubject.getBody().get("reasons").toString()).contains("the subject has no such consent");
        assertThat(revoke(DPO_USER, "not-a-consent", PARENT).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(revoke(DPO_USER, consentId, "123").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ProcessInstance refused = start(request(REFUSER, "NAME", "OPERATOR"));
        executeContinuations(refused);
        assertThat(revoke(DPO_USER, consentOf(refused).consentId(), REFUSER).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ConsentProcess.REVOCATION_PROCESS_ID).count()).isEqualTo(before);
        assertThat(records.consent(consentId).orElseThrow().status()).isEqualTo(GRANTED);
    }

    /**
     * Law 94-V art. 8, 14; 004 item 4.2, App.2 item 18: a subject with a clinic consent and an SDU consent. Revoking
     * the clinic one stops only the process relying on it, the re-issuance goes on; revoking the SDU one stops only
     * the re-issuance. Before this change every process of the subject was stopped.
     */
    @Test
    void revokingOneOfTwoConsentsStopsOnlyTheProcessesRelyingOnThatOne() {
        person(TWO_CONSENTS, java.time.LocalDate.of(1992, 3, 3), false, null);
        String sdu = consentOf(grantedConsent(TWO_CONSENTS)).consentId();
        String clinic = consentOf(clinicConsent(TWO_CONSENTS)).consentId();
        assertThat(sdu).isNotEqualTo(clinic);
        ProcessInstance reissuance = relyingOn(sdu, TWO_CONSENTS);
        ProcessInstance care = relyingOn(clinic, TWO_CONSENTS);

        // the clinic consent revoked: the clinic's process stops, the re-issuance goes on
        ProcessInstance first = revocation(revoke(DPO_USER, clinic, TWO_CONSENTS));
        executeContinuations(first);
        assertThat(variable(first, "relyingProcessesTold")).isEqualTo(1);
        assertThat(care).isEnded().hasPassed("Event_StoppedUsingData");
        assertThat(reissuance).isWaitingAt("Task_AwaitReissuance");
        assertThat(records.consent(sdu).orElseThrow().status()).isEqualTo(GRANTED);

        // and the other way: a new clinic consent, the SDU consent revoked: only the re-issuance stops
        String clinicAgain = consentOf(clinicConsent(TWO_CONSENTS)).consentId();
        ProcessInstance careAgain = relyingOn(clinicAgain, TWO_CONSENTS);
        ProcessInstance second = revocation(revoke(DPO_USER, sdu, TWO_CONSENTS));
        executeContinuations(second);
        assertThat(variable(second, "relyingProcessesTold")).isEqualTo(1);
        assertThat(reissuance).isEnded().hasPassed("Event_StoppedUsingData").hasNotPassed("Event_Done");
        assertThat(careAgain).isWaitingAt("Task_AwaitReissuance");
        assertThat(records.consent(clinicAgain).orElseThrow().status()).isEqualTo(GRANTED);
    }
}
