package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentEventType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;

import kz.health.sanepid.security.SignedGatewayRequest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** personal-data-consent: every path of the diagram, with what the journal holds afterwards. */
class ConsentProcessTest extends ConsentTestSupport {

    @Value("${sanepid.gateways.consent-service-secret}")
    String gatewaySecret;

    @Test
    void anAdultSubjectGrantsThroughTheConsentServiceAtOnce() {
        ProcessInstance pi = start(request(ADULT, "NAME,CONTACTS", "OPERATOR"));
        assertThat(pi).isWaitingAt("Task_FindRespondent");
        executeContinuations(pi);

        assertThat(pi).isEnded().hasPassed("Task_DecideLegalBasis", "Task_RequestConsent", "Task_RecordGranted")
                .hasNotPassed("Task_AwaitAnswer", "Task_ConfirmLegalGround");
        assertThat(pi).isEnded();
        org.assertj.core.api.Assertions.assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("GRANTED");
        ConsentHistory consent = consentOf(pi);
        assertThat(types(consent)).containsExactly(REQUESTED, GRANTED);
        assertThat(consent.status()).isEqualTo(GRANTED);
        ConsentEvent granted = consent.events().get(1);
        assertThat(granted.respondentIin()).isEqualTo(ADULT);
        assertThat(granted.respondentGround()).isEqualTo(RespondentGround.SUBJECT);
        assertThat(granted.evidence()).startsWith("KDP-").isEqualTo(variable(pi, ConsentProcess.CONSENT_REQUEST_ID));
        assertThat(granted.recordedBy()).isEqualTo(ConsentOutcomes.CONSENT_SERVICE);
        assertThat(granted.categories()).isEqualTo("NAME,CONTACTS");
        assertThat(granted.channel()).isEqualTo("STATE_SERVICE");
        assertThat(granted.medicalSecrecy()).isFalse();
    }

    @Test
    void aCoveringConsentOnRecordIsReusedWithoutASecondRequest() {
        Map<String, Object> first = request(ADULT_2, "NAME,CONTACTS,IDENTITY_NUMBERS", "OPERATOR");
        first.put(ConsentProcess.VALID_UNTIL, "2027-11-23");
        ProcessInstance granted = start(first);
        executeContinuations(granted);
        int requestsBefore = serviceRequestsFor(ADULT_2);

        Map<String, Object> again = request(ADULT_2, "CONTACTS,NAME", "OPERATOR");
        again.put(ConsentProcess.PURPOSE, first.get(ConsentProcess.PURPOSE));
        ProcessInstance reused = start(again);

        assertThat(reused).isEnded().hasPassed("Event_ConsentReused").hasNotPassed("Task_RequestConsent");
        assertThat(variable(reused, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("GRANTED");
        assertThat(variable(reused, ConsentProcess.CONSENT_RECORD_ID))
                .isEqualTo(variable(granted, ConsentProcess.CONSENT_RECORD_ID));
        assertThat(serviceRequestsFor(ADULT_2)).isEqualTo(requestsBefore);
        assertThat(types(consentOf(reused))).containsExactly(REQUESTED, GRANTED);

        // a category not covered, another purpose, or a lapsed validity: asked again
        Map<String, Object> wider = request(ADULT_2, "NAME,FINANCIAL", "OPERATOR");
        wider.put(ConsentProcess.PURPOSE, first.get(ConsentProcess.PURPOSE));
        ProcessInstance asked = start(wider);
        assertThat(asked).isWaitingAt("Task_FindRespondent");
        ClockUtil.setCurrentTime(Date.from(NOW.plusYears(1).plusDays(1).toInstant()));
        ProcessInstance afterValidity = start(again);
        assertThat(afterValidity).isWaitingAt("Task_FindRespondent");
    }

    @Test
    void aRespondentWhoRefusesAtOnceEndsRefused() {
        ProcessInstance pi = start(request(REFUSER, "NAME", "OPERATOR"));
        executeContinuations(pi);

        assertThat(pi).isEnded().hasPassed("Task_RecordRefused", "Event_ConsentRefused").hasNotPassed("Task_AwaitAnswer");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("REFUSED");
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, REFUSED);
    }

    @Test
    void aMinorIsAskedThroughTheLegalRepresentative() {
        ProcessInstance pi = start(request(MINOR, "NAME,MEDICAL", "OPERATOR"));
        executeContinuations(pi);

        assertThat(pi).isEnded().hasPassed("Task_RecordGranted");
        ConsentEvent granted = consentOf(pi).events().get(1);
        assertThat(granted.subjectIin()).isEqualTo(MINOR);
        assertThat(granted.respondentIin()).isEqualTo(PARENT);
        assertThat(granted.respondentGround()).isEqualTo(RespondentGround.REPRESENTATIVE_OF_MINOR);
        assertThat(granted.medicalSecrecy()).isTrue();
        assertThat(jdbc.queryForObject("SELECT respondent_iin FROM consent_service_request WHERE request_id = ?",
                String.class, granted.evidence())).isEqualTo(PARENT);
    }

    @Test
    void aPersonDeclaredIncapableIsAskedThroughTheGuardian() {
        ProcessInstance pi = start(request(INCAPABLE, "NAME", "OPERATOR"));
        executeContinuations(pi);

        ConsentEvent granted = consentOf(pi).events().get(1);
        assertThat(granted.type()).isEqualTo(GRANTED);
        assertThat(granted.respondentIin()).isEqualTo(GUARDIAN);
        assertThat(granted.respondentGround()).isEqualTo(RespondentGround.REPRESENTATIVE_OF_INCAPABLE);
    }

    @Test
    void anOpenRequestWaitsForTheAnswerPostedByTheConsentService() {
        ProcessInstance pi = start(request(SLOW, "NAME,CONTACTS", "OPERATOR"));
        executeContinuations(pi);
        assertThat(pi).isWaitingAt("Task_AwaitAnswer");
        String requestId = (String) runtimeService.getVariable(pi.getId(), ConsentProcess.CONSENT_REQUEST_ID);

        assertThat(postAnswer(null, requestId, "GRANTED").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postAnswer(gatewaySecret, requestId, "MAYBE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postAnswer(gatewaySecret, "KDP-unknown", "GRANTED").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pi).isWaitingAt("Task_AwaitAnswer");

        assertThat(postAnswer(gatewaySecret, requestId, "GRANTED").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(pi).isEnded().hasPassed("Task_AwaitAnswer", "Task_RecordGranted");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("GRANTED");
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, GRANTED);
        assertThat(jdbc.queryForObject("SELECT status FROM consent_service_request WHERE request_id = ?", String.class,
                requestId)).isEqualTo("GRANTED");
        // a second answer changes nothing
        assertThat(postAnswer(gatewaySecret, requestId, "REFUSED").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, GRANTED);
    }

    @Test
    void aRefusalPostedLaterEndsRefused() {
        ProcessInstance pi = start(request(SLOW, "FINANCIAL", "OPERATOR"));
        executeContinuations(pi);
        String requestId = (String) runtimeService.getVariable(pi.getId(), ConsentProcess.CONSENT_REQUEST_ID);

        assertThat(postAnswer(gatewaySecret, requestId, "REFUSED").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(pi).isEnded().hasPassed("Task_RecordRefused");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("REFUSED");
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, REFUSED);
    }

    @Test
    void noAnswerWithinTheTimeOutExpires() {
        ProcessInstance pi = start(request(SLOW, "NAME", "OPERATOR"));
        executeContinuations(pi);
        assertThat(pi).isWaitingAt("Task_AwaitAnswer");

        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plusDays(3).toInstant()));
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().count())
                .isZero();

        ClockUtil.setCurrentTime(Date.from(NOW.plusDays(3).plusMinutes(1).toInstant()));
        managementService.executeJob(timer.getId());

        assertThat(pi).isEnded().hasPassed("Event_AnswerTimeout", "Task_RecordExpired", "Event_ConsentExpired");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("EXPIRED");
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, EXPIRED);
        String requestId = (String) variable(pi, ConsentProcess.CONSENT_REQUEST_ID);
        assertThat(postAnswer(gatewaySecret, requestId, "GRANTED").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(types(consentOf(pi))).containsExactly(REQUESTED, EXPIRED);
    }

    @Test
    void theDataProtectionOfficerConfirmsProcessingWithoutConsent() {
        ProcessInstance pi = start(request(ADULT, "NAME,IDENTITY_NUMBERS", "STATE_STATISTICS"));

        assertThat(pi).isWaitingAt("Task_ConfirmLegalGround");
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l ->
                "data-protection-officers".equals(l.getGroupId()) && "candidate".equals(l.getType()));
        assertThat(runtimeService.getVariable(pi.getId(), ConsentProcess.LEGAL_BASIS_GROUND))
                .isEqualTo("LAW94_9_2_STATE_STATISTICS");
        // the officer's term (sanepid.consent.officer-review-working-days, 3): Mon 23 Nov 10:00 -> end of Thu 26 Nov
        assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(
                java.time.OffsetDateTime.parse("2026-11-26T23:59:59.999+05:00").toInstant()));
        assertThat(runtimeService.getVariable(pi.getId(), ConsentProcess.SUBJECT_MASKED))
                .isEqualTo(kz.health.sanepid.idnumber.IdentificationNumbers.mask(ADULT)).isNotEqualTo(ADULT);

        // the server checks the form again: a decision outside the list keeps the task open
        taskService.claim(task.getId(), DPO_USER);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(ConsentProcess.OFFICER_DECISION, "MAYBE")))
                .hasMessageContaining("officerDecision");
        assertThat(pi).isWaitingAt("Task_ConfirmLegalGround");

        taskService.complete(task.getId(), Map.of(ConsentProcess.OFFICER_DECISION, "CONFIRM",
                ConsentProcess.CONFIRMED_GROUND, "LAW94_9_2_STATE_STATISTICS",
                ConsentProcess.OFFICER_COMMENT, "Ұлттық статистика бюросының сұрауы"));

        assertThat(pi).isEnded().hasPassed("Task_RecordWithoutConsent", "Event_ProcessedWithoutConsent")
                .hasNotPassed("Task_RequestConsent");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("WITHOUT_CONSENT");
        ConsentHistory consent = consentOf(pi);
        assertThat(types(consent)).containsExactly(WITHOUT_CONSENT);
        ConsentEvent event = consent.events().get(0);
        assertThat(event.legalGround()).isEqualTo("LAW94_9_2_STATE_STATISTICS");
        assertThat(event.recordedBy()).isEqualTo(DPO_USER);
        assertThat(event.respondentIin()).isNull();
        assertThat(event.respondentGround()).isEqualTo(RespondentGround.NONE_LEGAL_GROUND);
        assertThat(event.note()).contains("статистика");
    }

    @Test
    void medicalSecrecyPassesOnAnArticle95GroundConfirmedByTheOfficer() {
        Map<String, Object> vars = request(ADULT, "NAME,MEDICAL", "SANITARY_EPIDEMIOLOGICAL_SERVICE");
        vars.put(ConsentProcess.LEGAL_GROUND_CLAIM, "DANGEROUS_DISEASE_THREAT");
        ProcessInstance pi = start(vars);
        assertThat(pi).isWaitingAt("Task_ConfirmLegalGround");
        assertThat(runtimeService.getVariable(pi.getId(), ConsentProcess.MEDICAL_SECRECY)).isEqualTo(true);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();

        identityService.setAuthentication(DPO_USER, java.util.List.of(kz.health.sanepid.security.Roles.DATA_PROTECTION_OFFICERS));
        taskService.complete(task.getId(), Map.of(ConsentProcess.OFFICER_DECISION, "CONFIRM",
                ConsentProcess.OFFICER_COMMENT, "туберкулёз ошағы / очаг туберкулёза"));

        ConsentEvent event = consentOf(pi).events().get(0);
        assertThat(event.legalGround()).isEqualTo("HC95_4_2_DANGEROUS_DISEASE");
        assertThat(event.medicalSecrecy()).isTrue();
        assertThat(event.recordedBy()).isEqualTo(DPO_USER);
    }

    @Test
    void anOfficerWhoRejectsTheGroundSendsTheRequestToTheSubject() {
        ProcessInstance pi = start(request(ADULT, "NAME", "INTERNATIONAL_TREATY"));
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(task.getId(), DPO_USER);
        taskService.complete(task.getId(), Map.of(ConsentProcess.OFFICER_DECISION, "REJECT",
                ConsentProcess.OFFICER_COMMENT, "шарт ратификацияланбаған / договор не ратифицирован"));

        assertThat(pi).isWaitingAt("Task_FindRespondent").hasPassed("Task_RecordGroundRejected");
        executeContinuations(pi);

        assertThat(pi).isEnded().hasPassed("Task_RecordGranted");
        assertThat(variable(pi, ConsentProcess.CONSENT_OUTCOME)).isEqualTo("GRANTED");
        ConsentHistory consent = consentOf(pi);
        assertThat(types(consent)).containsExactly(LEGAL_GROUND_REJECTED, REQUESTED, GRANTED);
        assertThat(consent.events().get(0).recordedBy()).isEqualTo(DPO_USER);
        assertThat(consent.events().get(0).legalGround()).isEqualTo("LAW94_9_4_INTERNATIONAL_TREATY");
        assertThat(consent.status()).isEqualTo(GRANTED);
    }

    @Test
    void aMalformedRequestDoesNotStartAndRecordsNothing() {
        Map<String, Object> vars = request("850115300002", "NAME,DNA", "OPERATOR");
        vars.put(ConsentProcess.OPERATOR_BIN, "123");
        vars.put(ConsentProcess.VALID_UNTIL, "2020-01-01");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcess.PROCESS_ID).count();

        assertThatThrownBy(() -> start(vars)).isInstanceOf(InvalidConsentRequestException.class)
                .hasMessageContaining("subjectIin: IIN check digit is wrong")
                .hasMessageContaining("operatorBin").hasMessageContaining("unknown codes [DNA]")
                .hasMessageContaining("validUntil: must not be in the past");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcess.PROCESS_ID).count())
                .isEqualTo(before);
        assertThat(records.consentsOf("850115300002")).isEmpty();
    }

    @Test
    void aSubjectTheRegistryDoesNotKnowIsRetriedThenBecomesAnIncident() {
        String unknown = "951111400011";
        ProcessInstance pi = start(request(unknown, "NAME", "OPERATOR"));
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();

        assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                .hasMessageContaining("95********11").hasMessageNotContaining(unknown);

        Job retried = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(NOW.plusMinutes(1).toInstant()));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(retried.getId()));
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
                .isEqualTo("Task_FindRespondent");
        assertThat(pi).isWaitingAt("Task_FindRespondent");
        assertThat(records.consentsOf(unknown)).isEmpty();
    }

    ResponseEntity<String> postAnswer(String secret, String requestId, String answer) {
        String body = "{\"requestId\":\"" + requestId + "\",\"answer\":\"" + answer + "\"}";
        HttpEntity<String> request = secret != null ? SignedGatewayRequest.entity(secret, body)
                : new HttpEntity<>(body, json());
        return http.postForEntity("/api/consent-service/answers", request, String.class);
    }

    static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
