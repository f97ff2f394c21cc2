package kz.health.sanepid.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.complaint.Complaints;
import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.consent.ConsentObligations;
import kz.health.sanepid.consent.ConsentRecords;
import kz.health.sanepid.disclosure.DisclosureProcess;
import kz.health.sanepid.disclosure.Disclosures;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.professionalregister.ProfessionalRegisterProcess;
import kz.health.sanepid.professionalregister.RegisterFixtures;
import kz.health.sanepid.professionalregister.RegisterUpdates;
import kz.health.sanepid.reissuance.RecipientOutcome;
import kz.health.sanepid.reissuance.RecipientJobs;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.reissuance.SduLedger;
import kz.health.sanepid.reissuance.StartRecipients;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.security.SignedGatewayRequest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18, "diagrams change while instances wait": for each process family, instances waiting at a receive task,
 * a timer, a user task and a call activity of the landed diagram are migrated to a changed copy (an element added
 * on the waiting path, an element renamed; made here from the landed file with the model API, deployed with the
 * forms and decisions as the application deploys them) and finish along the new path; timers keep their due dates;
 * the application's tables stay as they were (docs/MIGRATION.md is the runbook). Every changed deployment is
 * removed after its test, so the landed diagrams are the latest again for the other tests of the shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DiagramMigrationTest {

    static final Instant SDU_NOW = Instant.parse("2026-06-01T05:00:00Z");
    static final String ADDED_NAME = "Көшіру тексерісі / Проверка миграции";
    static final String ADMIN = "migration-admin";
    static final String SPECIALIST = "migration-specialist";
    static final String DPO = "migration-dpo";
    static final String PASSWORD = "Migration#Test-2026";

    @Autowired ProcessEngine processEngine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired SduFixtures sdu;
    @Autowired SduLedger ledger;
    @Autowired ComplaintRegistration complaintRegistration;
    @Autowired Complaints complaints;
    @Autowired Disclosures disclosures;
    @Autowired ConsentRecords consentRecords;
    @Autowired ConsentObligations obligations;
    @Autowired RegisterFixtures registerFixtures;
    @Autowired RegisterUpdates registerUpdates;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void clock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(SDU_NOW));
    }

    @AfterEach
    void removeChangedDiagrams() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        deployments.clear();
    }

    // ---- sdu-reissuance-recipient -----------------------------------------------------------------------------

    @Test
    void sduRecipientWaitingAtTheReceiveTaskMovesAndIsReissuedAlongTheNewPath() {
        SduFixtures.Person p = sdu.person();
        String bk = sdu.offer(p, "Жаңа Көшу ЖШС");
        ProcessInstance pi = sduInstance(bk);
        runJobs(pi, () -> false);
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        Date due = timer(pi.getId(), "Event_ReplyTimeout").getDuedate();
        Map<String, Object> ledgerBefore = ledgerRow(bk);

        ClockUtil.setCurrentTime(Date.from(SDU_NOW.plus(Duration.ofHours(20)))); // the change lands a day later
        ProcessDefinition target = deployChanged("sdu-reissuance-recipient.bpmn", "Task_AwaitReply",
                "Task_AwaitReply", "Event_ReplyTimeout", "CallActivity_ConfirmConsent");
        migrate(pi, target, false);

        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(timer(pi.getId(), "Event_ReplyTimeout").getDuedate()).as("the reply wait keeps its due date")
                .isEqualTo(due);
        assertThat(ledgerRow(bk)).as("migration writes nothing to the ledger").isEqualTo(ledgerBefore);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("SmsReply").count()).isEqualTo(1);

        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        runJobs(pi, () -> false);
        assertThat(pi).isEnded().hasPassed(added("Task_AwaitReply"), added("CallActivity_ConfirmConsent"),
                "Task_ReissuePermit", "End_Reissued").hasNotPassed(added("Event_ReplyTimeout"));
        assertReissuedOnce(bk);
    }

    @Test
    void sduRecipientWaitingForTheReplyTimerMovesKeepsItsDueDateAndIsResentAlongTheNewPath() {
        SduFixtures.Person p = sdu.person();
        String bk = sdu.offer(p, "Таймер Көшу ЖШС");
        ProcessInstance pi = sduInstance(bk);
        runJobs(pi, () -> false);
        Job timer = timer(pi.getId(), "Event_ReplyTimeout");
        Date due = timer.getDuedate();
        assertThat(due).isEqualTo(Date.from(SDU_NOW.plus(Duration.ofDays(3))));

        ClockUtil.setCurrentTime(Date.from(SDU_NOW.plus(Duration.ofDays(1))));
        ProcessDefinition target = deployChanged("sdu-reissuance-recipient.bpmn", "Task_ResendSms",
                "Event_ReplyTimeout");
        migrate(pi, target, false);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        Job migrated = timer(pi.getId(), "Event_ReplyTimeout");
        assertThat(migrated.getId()).as("the same job, not a new one").isEqualTo(timer.getId());
        assertThat(migrated.getDuedate()).isEqualTo(due);

        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        managementService.executeJob(migrated.getId());
        runJobs(pi, () -> false);
        assertThat(pi).hasPassed(added("Event_ReplyTimeout"), "Task_ResendSms").isWaitingAt("Task_AwaitReplyAfterResend");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.RESENT);
        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        runJobs(pi, () -> false);
        assertThat(pi).isEnded().hasPassed("End_Reissued");
        assertReissuedOnce(bk);
    }

    @Test
    void updateEventTriggersRestartsADurationTimerFromTheMigration() {
        // the pitfall the runbook warns of: with updateEventTriggers a P3D timer is computed again from "now"
        SduFixtures.Person p = sdu.person();
        String bk = sdu.offer(p, "Триггер ЖШС");
        ProcessInstance pi = sduInstance(bk);
        runJobs(pi, () -> false);
        Date due = timer(pi.getId(), "Event_ReplyTimeout").getDuedate();
        Instant migratedAt = SDU_NOW.plus(Duration.ofDays(1));
        ClockUtil.setCurrentTime(Date.from(migratedAt));
        ProcessDefinition target = deployChanged("sdu-reissuance-recipient.bpmn", "Task_AwaitReply",
                "Task_AwaitReply");
        migrate(pi, target, true);
        assertThat(timer(pi.getId(), "Event_ReplyTimeout").getDuedate()).isNotEqualTo(due)
                .isEqualTo(Date.from(migratedAt.plus(Duration.ofDays(3))));
    }

    @Test
    void sduRecipientWaitingInTheConsentCallActivityMovesAndFinishesWhenTheCalledConsentReturns() {
        SduFixtures.Person p = sdu.person();
        String bk = sdu.offer(p, "Келісім Көшу ЖШС");
        ProcessInstance pi = sduInstance(bk);
        runJobs(pi, () -> false);
        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        runJobs(pi, () -> consentOf(pi) != null);
        ProcessInstance consent = consentOf(pi);
        assertThat(consent).as("the called consent instance waits").isNotNull();
        assertThat(pi).isWaitingAt("CallActivity_ConfirmConsent");
        String consentDefinition = consent.getProcessDefinitionId();

        ProcessDefinition target = deployChanged("sdu-reissuance-recipient.bpmn", "CallActivity_ConfirmConsent",
                "CallActivity_ConfirmConsent");
        migrate(pi, target, false);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(consentOf(pi).getId()).as("the called instance stays attached").isEqualTo(consent.getId());
        assertThat(consentOf(pi).getProcessDefinitionId()).isEqualTo(consentDefinition);

        runJobs(pi, () -> false);
        assertThat(pi).isEnded().hasPassed(added("CallActivity_ConfirmConsent"), "Gateway_ConsentOutcome",
                "End_Reissued");
        assertReissuedOnce(bk);
    }

    // ---- public-service-complaint -----------------------------------------------------------------------------

    @Test
    void complaintWaitingForTheHeadsDecisionMovesWithItsTimersAndClosesAlongTheNewPath() {
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        ProcessInstance pi = registerComplaint("HEAD_OF_PROVIDER", 1);
        String id = pi.getBusinessKey();
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_REVIEW_BY_PROVIDER);
        Job reminder = timer(pi.getId(), "Event_ProviderReviewReminder");
        Job deadline = timer(pi.getId(), "Event_ProviderReviewDeadline");
        Date reminderDue = reminder.getDuedate();
        Date deadlineDue = deadline.getDuedate();
        Map<String, Object> rowBefore = complaintRow(id);

        ClockUtil.setCurrentTime(at("2026-03-27T11:00:00+05:00"));
        ProcessDefinition target = deployChanged("public-service-complaint.bpmn", ComplaintProcess.TASK_REVIEW_BY_PROVIDER,
                ComplaintProcess.TASK_REVIEW_BY_PROVIDER);
        migrate(pi, target, true); // the dates are absolute (timeDate), so updating the triggers keeps them
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(timer(pi.getId(), "Event_ProviderReviewReminder").getDuedate()).isEqualTo(reminderDue);
        assertThat(timer(pi.getId(), "Event_ProviderReviewDeadline").getDuedate()).isEqualTo(deadlineDue);
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getProcessDefinitionId()).isEqualTo(target.getId());
        // a rename applies to tasks created from now on; the open task keeps the name it was created with
        assertThat(task.getName()).isEqualTo("Басшының шешімі / Решение руководителя");
        assertThat(repositoryService.getBpmnModelInstance(target.getId())
                .<FlowNode>getModelElementById(ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getName()).startsWith("v2 ");
        assertThat(complaintRow(id)).isEqualTo(rowBefore);

        ClockUtil.setCurrentTime(new Date(reminderDue.getTime() + 1000));
        managementService.executeJob(timer(pi.getId(), "Event_ProviderReviewReminder").getId());
        assertThat(pi).hasPassed("Task_RemindProviderReview").isWaitingAt(ComplaintProcess.TASK_REVIEW_BY_PROVIDER);
        taskService.complete(task.getId(), Map.of(ComplaintProcess.DECISION, "REJECTED",
                ComplaintProcess.DECISION_REASONS, "the refusal was lawful"));
        job(pi.getId(), "Task_NotifyApplicant");
        assertThat(pi).isEnded().hasPassed(added(ComplaintProcess.TASK_REVIEW_BY_PROVIDER), "Task_RecordDecision",
                "Event_ComplaintClosed");
        Complaints.Complaint closed = complaints.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.decision()).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE complaint_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT event_kind FROM complaint_event WHERE complaint_id = ? ORDER BY id",
                String.class, id)).containsExactly("REGISTERED", "NOTIFIED", "REMINDED", "DECIDED", "NOTIFIED");
    }

    @Test
    void complaintWaitingAtTheFirstReviewInsideItsSubprocessMovesAndEndsWithTheProvider() {
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        ProcessInstance pi = registerComplaint("REVIEWING_BODY", 2);
        String id = pi.getBusinessKey();
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_FIRST_REVIEW);
        Date deadlineDue = timer(pi.getId(), "Event_FirstReviewDeadline").getDuedate();

        ProcessDefinition target = deployChanged("public-service-complaint.bpmn", ComplaintProcess.TASK_FIRST_REVIEW,
                ComplaintProcess.TASK_FIRST_REVIEW);
        migrate(pi, target, true);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(timer(pi.getId(), "Event_FirstReviewDeadline").getDuedate()).isEqualTo(deadlineDue);

        ClockUtil.setCurrentTime(at("2026-03-26T15:00:00+05:00"));
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.complete(task.getId(), Map.of(ComplaintProcess.PROVIDER_ACTION, ComplaintProcess.ACTION_FULLY_SATISFIED,
                ComplaintProcess.DECISION_REASONS, "the conclusion was issued on 26.03.2026"));
        runMessages(pi.getId());
        assertThat(pi).isEnded().hasPassed(added(ComplaintProcess.TASK_FIRST_REVIEW));
        assertThat(complaints.find(id).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ? AND event_kind = 'DECIDED'",
                Integer.class, id)).isEqualTo(1);
    }

    // ---- personal-data-consent ----------------------------------------------------------------------------------

    @Test
    void consentWaitingForTheDataProtectionOfficerMovesAndRecordsTheOutcomeOnce() {
        SduFixtures.Person subject = sdu.person();
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put(ConsentProcess.SUBJECT_IIN, subject.iin());
        vars.put(ConsentProcess.OPERATOR_BIN, "040540000014");
        vars.put(ConsentProcess.PURPOSE, "migration test " + java.util.UUID.randomUUID());
        vars.put(ConsentProcess.DATA_CATEGORIES, "NAME,IDENTITY_NUMBERS");
        vars.put(ConsentProcess.REQUESTER_KIND, "STATE_STATISTICS");
        vars.put(ConsentProcess.CHANNEL, "STATE_SERVICE");
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ConsentProcess.PROCESS_ID, vars);
        assertThat(pi).isWaitingAt("Task_ConfirmLegalGround");

        ProcessDefinition target = deployChanged("personal-data-consent.bpmn", "Task_ConfirmLegalGround",
                "Task_ConfirmLegalGround");
        migrate(pi, target, true);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());

        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(task.getId(), "consentdpo");
        taskService.complete(task.getId(), Map.of(ConsentProcess.OFFICER_DECISION, "CONFIRM",
                ConsentProcess.CONFIRMED_GROUND, "LAW94_9_2_STATE_STATISTICS",
                ConsentProcess.OFFICER_COMMENT, "Ұлттық статистика бюросының сұрауы"));
        assertThat(pi).isEnded().hasPassed(added("Task_ConfirmLegalGround"), "Task_RecordWithoutConsent");
        assertThat(historicVariable(pi.getId(), ConsentProcess.CONSENT_OUTCOME)).isEqualTo("WITHOUT_CONSENT");
        String consentId = (String) historicVariable(pi.getId(), ConsentProcess.CONSENT_RECORD_ID);
        assertThat(consentRecords.consent(consentId).orElseThrow().events()).as("recorded once").hasSize(1);
    }

    @Test
    void consentRevocationWaitingForTheOfficersReviewMovesAndRecordsTheRefusalOnce() {
        user(DPO, Roles.DATA_PROTECTION_OFFICERS);
        ClockUtil.setCurrentTime(at("2026-11-23T10:00:00+05:00"));
        SduFixtures.Person subject = sdu.person();
        String operator = valid("0405400", false);
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put(ConsentProcess.SUBJECT_IIN, subject.iin());
        vars.put(ConsentProcess.OPERATOR_BIN, operator);
        vars.put(ConsentProcess.PURPOSE, "migration test " + java.util.UUID.randomUUID());
        vars.put(ConsentProcess.DATA_CATEGORIES, "NAME,CONTACTS");
        vars.put(ConsentProcess.REQUESTER_KIND, "OPERATOR");
        vars.put(ConsentProcess.CHANNEL, "STATE_SERVICE");
        ProcessInstance consent = runtimeService.startProcessInstanceByKey(ConsentProcess.PROCESS_ID, vars);
        runMessages(consent.getId());
        assertThat(consent).isEnded();
        String consentId = (String) historicVariable(consent.getId(), ConsentProcess.CONSENT_RECORD_ID);
        obligations.register(subject.iin(), operator, ConsentObligations.Kind.UNFULFILLED_OBLIGATION,
                "рұқсатты қайта ресімдеу аяқталмаған / переоформление разрешения не завершено", null);
        ResponseEntity<Map> answer = http.withBasicAuth(DPO, PASSWORD).postForEntity(
                "/api/consents/" + consentId + "/revocation",
                Map.of("subjectIin", subject.iin(), "channel", "WRITTEN", "reason", "келісімімді қайтарамын"), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) answer.getBody().get("processInstanceId")).singleResult();
        assertThat(pi).isWaitingAt("Task_ReviewRevocation");
        int eventsBefore = consentRecords.consent(consentId).orElseThrow().events().size();

        ProcessDefinition target = deployChanged("personal-data-consent-revocation.bpmn", "Task_ReviewRevocation",
                "Task_ReviewRevocation");
        migrate(pi, target, true);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(consentRecords.consent(consentId).orElseThrow().events()).hasSize(eventsBefore);

        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(task.getId(), DPO);
        taskService.complete(task.getId(), Map.of(ConsentProcess.REVIEW_DECISION, "REFUSE_REVOCATION",
                ConsentProcess.REVIEW_COMMENT, "Заң 94-V 8-бап: міндеттеме орындалмаған"));
        assertThat(pi).isEnded().hasPassed(added("Task_ReviewRevocation"), "Task_RecordRevocationRefused")
                .hasNotPassed("Task_RecordRevocation");
        assertThat(historicVariable(pi.getId(), ConsentProcess.REVOCATION_OUTCOME)).isEqualTo("REVOCATION_REFUSED");
        assertThat(consentRecords.consent(consentId).orElseThrow().events()).as("the refusal recorded once")
                .hasSize(eventsBefore + 1);
    }

    // ---- professional-register-update ---------------------------------------------------------------------------

    @Test
    void registerUpdateWaitingForTheHrEntryMovesWithItsTimersAndIsRecordedOnce() {
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        RegisterFixtures.Reissued r = registerFixtures.reissuedCertificate(sdu.newBin());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(r.processInstanceId())
                .singleResult();
        job(pi.getId(), "Task_FindEmployer");
        assertThat(pi).isWaitingAt(ProfessionalRegisterProcess.TASK_UPDATE_REGISTER);
        Date reminderDue = timer(pi.getId(), "Event_UpdateReminder").getDuedate();
        Date deadlineDue = timer(pi.getId(), "Event_UpdateDeadline").getDuedate();
        String sourceDefinition = pi.getProcessDefinitionId();

        ClockUtil.setCurrentTime(at("2026-03-26T09:00:00+05:00"));
        ProcessDefinition target = deployChanged("professional-register-update.bpmn",
                ProfessionalRegisterProcess.TASK_UPDATE_REGISTER, ProfessionalRegisterProcess.TASK_UPDATE_REGISTER);
        migrate(pi, target, false);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(timer(pi.getId(), "Event_UpdateReminder").getDuedate()).isEqualTo(reminderDue);
        assertThat(timer(pi.getId(), "Event_UpdateDeadline").getDuedate()).isEqualTo(deadlineDue);
        assertThat(registerUpdates.find(r.certificateId()).orElseThrow().outcome())
                .isEqualTo(RegisterUpdates.Outcome.OPEN);

        ClockUtil.setCurrentTime(at("2026-03-26T11:00:00+05:00"));
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(task.getId(), "hr-test-user");
        taskService.complete(task.getId(), Map.of(ProfessionalRegisterProcess.ENTRY_NUMBER, "PR-2026/0042",
                ProfessionalRegisterProcess.ENTRY_DATE, "2026-03-26", ProfessionalRegisterProcess.NOTE,
                "Тегі өзгертілді / изменена фамилия"));
        assertThat(pi).isEnded().hasPassed(added(ProfessionalRegisterProcess.TASK_UPDATE_REGISTER),
                ProfessionalRegisterProcess.END_UPDATED);
        assertThat(registerUpdates.find(r.certificateId()).orElseThrow().outcome())
                .isEqualTo(RegisterUpdates.Outcome.UPDATED);

        // the process starts by a message: removing the changed version gives the landed one its start back
        repositoryService.deleteDeployment(deployments.remove(deployments.size() - 1), true);
        ProcessDefinition landed = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProfessionalRegisterProcess.KEY).latestVersion().singleResult();
        assertThat(landed.getId()).isEqualTo(sourceDefinition);
        assertThat(runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName("SpecialistCertificateReissued").activityId("StartEvent_CertificateReissued").list())
                .anyMatch(e -> e.getExecutionId() == null);
    }

    // ---- medical-secrecy-disclosure -----------------------------------------------------------------------------

    @Test
    void disclosureWaitingForTheLegalReviewMovesWithItsTimersAndReleasesAlongTheNewPath() {
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(DisclosureProcess.PROCESS_ID,
                Variables.createVariables().putValue(DisclosureProcess.REQUESTER_KIND, "OTHER")
                        .putValue(DisclosureProcess.REQUESTER_NAME, "Synthetic requester OTHER")
                        .putValue(DisclosureProcess.REQUESTER_ID_NUMBER, valid("2103400", false))
                        .putValue(DisclosureProcess.REQUESTER_CAPACITY, "acting in case No. 2026-TEST")
                        .putValue(DisclosureProcess.PATIENT_IIN, valid("8203033", true))
                        .putValue(DisclosureProcess.REQUESTED_CATEGORIES, "FACT_OF_CARE,DIAGNOSIS,EXAMINATION_TREATMENT")
                        .putValue(DisclosureProcess.PURPOSE_KIND, "DANGEROUS_DISEASE_THREAT")
                        .putValue(DisclosureProcess.PURPOSE, "synthetic purpose")
                        .putValue(DisclosureProcess.DOCUMENT_KIND, "EPIDEMIOLOGICAL_NOTICE")
                        .putValue(DisclosureProcess.DOCUMENT_REF, "No. 17 of 2026-03-20"));
        assertThat(pi).isWaitingAt(DisclosureProcess.TASK_REVIEW_GROUND);
        String disclosureId = (String) runtimeService.getVariable(pi.getId(), DisclosureProcess.DISCLOSURE_ID);
        Date reminderDue = timer(pi.getId(), "Event_ReviewReminder").getDuedate();
        Date overdueDue = timer(pi.getId(), "Event_ReviewOverdue").getDuedate();

        ClockUtil.setCurrentTime(at("2026-03-26T10:00:00+05:00"));
        ProcessDefinition target = deployChanged("medical-secrecy-disclosure.bpmn", DisclosureProcess.TASK_REVIEW_GROUND,
                DisclosureProcess.TASK_REVIEW_GROUND);
        migrate(pi, target, true);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(timer(pi.getId(), "Event_ReviewReminder").getDuedate()).isEqualTo(reminderDue);
        assertThat(timer(pi.getId(), "Event_ReviewOverdue").getDuedate()).isEqualTo(overdueDue);

        Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(review.getId(), "legal-officer-a");
        taskService.complete(review.getId(), Variables.createVariables()
                .putValue(DisclosureProcess.REVIEW_DECISION, DisclosureProcess.CONFIRMED));
        runMessages(pi.getId());
        assertThat(pi).isEnded().hasPassed(added(DisclosureProcess.TASK_REVIEW_GROUND), DisclosureProcess.TASK_RELEASE);
        Disclosures.Disclosure row = disclosures.find(disclosureId);
        assertThat(row.status()).isEqualTo("RELEASED");
        assertThat(row.reviewedBy()).isEqualTo("legal-officer-a");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_request WHERE id = ?", Integer.class,
                disclosureId)).isEqualTo(1);
    }

    // ---- the REST door ------------------------------------------------------------------------------------------

    @Test
    void theMigrationRestEndpointIsTheAdministratorsOnly() {
        user(ADMIN, Roles.ADMINISTRATORS);
        user(SPECIALIST, Roles.SANEPID_SPECIALISTS);
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        ProcessInstance pi = registerComplaint("HEAD_OF_PROVIDER", 3);
        ProcessDefinition target = deployChanged("public-service-complaint.bpmn", ComplaintProcess.TASK_REVIEW_BY_PROVIDER,
                ComplaintProcess.TASK_REVIEW_BY_PROVIDER);
        Map<String, Object> body = Map.of(
                "migrationPlan", Map.of("sourceProcessDefinitionId", pi.getProcessDefinitionId(),
                        "targetProcessDefinitionId", target.getId(),
                        "instructions", List.of(Map.of("sourceActivityIds", List.of(ComplaintProcess.TASK_REVIEW_BY_PROVIDER),
                                "targetActivityIds", List.of(ComplaintProcess.TASK_REVIEW_BY_PROVIDER)),
                                Map.of("sourceActivityIds", List.of("Event_ProviderReviewReminder"),
                                        "targetActivityIds", List.of("Event_ProviderReviewReminder")),
                                Map.of("sourceActivityIds", List.of("Event_ProviderReviewDeadline"),
                                        "targetActivityIds", List.of("Event_ProviderReviewDeadline")))),
                "processInstanceIds", List.of(pi.getId()));

        ResponseEntity<String> refused = rest(SPECIALIST, "/engine-rest/migration/execute", body);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(definitionOf(pi)).isEqualTo(pi.getProcessDefinitionId());

        ResponseEntity<String> generated = rest(ADMIN, "/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", pi.getProcessDefinitionId(), "targetProcessDefinitionId", target.getId()));
        assertThat(generated.getStatusCode().value()).isEqualTo(200);
        assertThat(generated.getBody()).contains(ComplaintProcess.TASK_REVIEW_BY_PROVIDER);

        ResponseEntity<String> done = rest(ADMIN, "/engine-rest/migration/execute", body);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
    }

    @Test
    void theRunbooksCommandsGenerateValidateAndExecuteAsyncMoveTheSelectedInstancesInABatch() throws Exception {
        user(ADMIN, Roles.ADMINISTRATORS);
        user(SPECIALIST, Roles.SANEPID_SPECIALISTS);
        ClockUtil.setCurrentTime(at("2026-03-20T10:00:00+05:00"));
        ProcessInstance pi = registerComplaint("HEAD_OF_PROVIDER", 4);
        String source = pi.getProcessDefinitionId();
        Date deadlineDue = timer(pi.getId(), "Event_ProviderReviewDeadline").getDuedate();
        ProcessDefinition target = deployChanged("public-service-complaint.bpmn", ComplaintProcess.TASK_REVIEW_BY_PROVIDER,
                ComplaintProcess.TASK_REVIEW_BY_PROVIDER);

        ResponseEntity<String> generated = rest(ADMIN, "/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", source, "targetProcessDefinitionId", target.getId(),
                "updateEventTriggers", false));
        assertThat(generated.getStatusCode().value()).isEqualTo(200);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Object plan = json.readValue(generated.getBody(), Object.class);
        // the selection of the runbook (by the old definition id), narrowed to this test's instance in the shared base
        Map<String, Object> query = Map.of("processDefinitionId", source, "processInstanceIds", List.of(pi.getId()));

        ResponseEntity<String> validated = rest(ADMIN, "/engine-rest/migration/validate", plan);
        assertThat(validated.getStatusCode().value()).as(validated.getBody()).isEqualTo(200);
        assertThat(json.readTree(validated.getBody()).path("instructionReports").size()).isZero();

        Map<String, Object> async = Map.of("migrationPlan", plan, "processInstanceQuery", query,
                "skipCustomListeners", false, "skipIoMappings", false);
        assertThat(rest(SPECIALIST, "/engine-rest/migration/executeAsync", async).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> batch = rest(ADMIN, "/engine-rest/migration/executeAsync", async);
        assertThat(batch.getStatusCode().value()).as(batch.getBody()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode b = json.readTree(batch.getBody());
        assertThat(b.path("type").asText()).isEqualTo("instance-migration");
        assertThat(definitionOf(pi)).as("nothing moves before the batch runs").isEqualTo(source);

        // the job executor's work (off in tests): the seed job, then the migration jobs
        for (String definition : List.of(b.path("seedJobDefinitionId").asText(), b.path("batchJobDefinitionId").asText())) {
            managementService.createJobQuery().jobDefinitionId(definition).list()
                    .forEach(j -> managementService.executeJob(j.getId()));
        }
        assertThat(definitionOf(pi)).isEqualTo(target.getId());
        assertThat(timer(pi.getId(), "Event_ProviderReviewDeadline").getDuedate()).isEqualTo(deadlineDue);
        managementService.createJobQuery().jobDefinitionId(b.path("monitorJobDefinitionId").asText()).list()
                .forEach(j -> managementService.executeJob(j.getId()));
        assertThat(historyService.createHistoricBatchQuery().batchId(b.path("id").asText()).singleResult().getEndTime())
                .isNotNull();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * The landed diagram, changed as an analyst would: a manual task on the single outgoing flow of each of
     * {@code addAfter} and the element {@code rename} renamed; deployed with the decisions and forms (their bindings
     * are "deployment") under a version tag of its own.
     */
    ProcessDefinition deployChanged(String file, String rename, String... addAfter) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", file).toFile());
        for (String source : addAfter) {
            FlowNode node = model.getModelElementById(source);
            assertThat(node.getOutgoing()).as(source).hasSize(1);
            SequenceFlow flow = node.getOutgoing().iterator().next();
            FlowNode next = flow.getTarget();
            ModelElementInstance scope = flow.getParentElement();
            ManualTask task = model.newInstance(ManualTask.class);
            task.setId(added(source));
            task.setName(ADDED_NAME);
            scope.addChildElement(task);
            SequenceFlow onward = model.newInstance(SequenceFlow.class);
            onward.setId("Flow_" + added(source));
            scope.addChildElement(onward);
            onward.setSource(task);
            onward.setTarget(next);
            flow.setTarget(task);
            next.getIncoming().remove(flow);
            next.getIncoming().add(onward);
            task.getIncoming().add(flow);
            task.getOutgoing().add(onward);
        }
        FlowNode renamed = model.getModelElementById(rename);
        renamed.setName("v2 " + renamed.getName());
        org.camunda.bpm.model.bpmn.instance.Process process = model.getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next();
        process.setCamundaVersionTag(process.getCamundaVersionTag() + "-migration-test");
        Bpmn.validateModel(model);

        DeploymentBuilder deployment = repositoryService.createDeployment().name("diagram-migration-test")
                .addModelInstance(file, model);
        try (Stream<Path> dmn = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path p : Stream.concat(dmn.filter(f -> f.toString().endsWith(".dmn")),
                    forms.filter(f -> f.toString().endsWith(".form"))).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    deployment.addInputStream(p.getFileName().toString(), new java.io.ByteArrayInputStream(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String deploymentId = deployment.deploy().getId();
        deployments.add(deploymentId);
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(process.getId()).singleResult();
    }

    static String added(String after) {
        return "Task_AddedAfter_" + after;
    }

    /** mapEqualActivities, as the runbook says; {@code updateEventTriggers} only where the triggers are absolute. */
    void migrate(ProcessInstance pi, ProcessDefinition target, boolean updateEventTriggers) {
        MigrationInstructionsBuilder builder = runtimeService.createMigrationPlan(definitionOf(pi), target.getId())
                .mapEqualActivities();
        MigrationPlan plan = (updateEventTriggers ? builder.updateEventTriggers() : builder).build();
        assertThat(identityService.getCurrentAuthentication()).as("the application's own Java call").isNull();
        runtimeService.newMigration(plan).processInstanceIds(pi.getId()).execute();
    }

    String definitionOf(ProcessInstance pi) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId();
    }

    Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
                .singleResult();
    }

    void job(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .messages().singleResult();
        assertThat(job).as(activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    void runMessages(String processInstanceId) {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    ProcessInstance sduInstance(String bk) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKey(bk).singleResult();
    }

    ProcessInstance consentOf(ProcessInstance pi) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    /** The recipient's continuations and those of the consent it calls, one at a time, until {@code done}. */
    void runJobs(ProcessInstance pi, BooleanSupplier done) {
        RecipientJobs.runUntil(runtimeService, managementService, pi, done);
    }

    Map<String, Object> ledgerRow(String bk) {
        return jdbc.queryForMap("SELECT * FROM sdu_recipient WHERE business_key = ?", bk);
    }

    void assertReissuedOnce(String bk) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE business_key = ?", Integer.class, bk))
                .isEqualTo(1);
        SduLedger.Recipient r = ledger.recipient(bk).orElseThrow();
        assertThat(r.outcome()).isEqualTo(RecipientOutcome.REISSUED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit WHERE replaces_permit_id = ?", Integer.class,
                r.permitId())).as("one re-issued document").isEqualTo(1);
    }

    ResponseEntity<Map> reply(String from, String text) {
        HttpEntity<String> request = SignedGatewayRequest.entity(SduFixtures.GATEWAY_SECRET,
                Map.of("from", from, "text", text, "receivedAt", ClockUtil.now().toInstant().toString()));
        return http.exchange("/api/sms/inbound", HttpMethod.POST, request, Map.class);
    }

    ProcessInstance registerComplaint(String addressee, int seed) {
        String providerBin = valid("0501400", false);
        ComplaintRequest request = new ComplaintRequest(valid("9001013", true), "Test Applicant", "+77011234567",
                null, "2", providerBin, "DECISION", "Refusal to issue the sanitary-epidemiological conclusion",
                "Issue the conclusion", List.of("refusal-letter.pdf"), addressee,
                "REVIEWING_BODY".equals(addressee) ? "AUTHORISED_BODY" : null, null);
        ComplaintRegistration.Registered registered = complaintRegistration.register(request);
        job(registered.processInstanceId(), ComplaintProcess.TASK_NOTIFY_REGISTRATION);
        return runtimeService.createProcessInstanceQuery().processInstanceId(registered.processInstanceId())
                .singleResult();
    }

    Map<String, Object> complaintRow(String id) {
        return jdbc.queryForMap("SELECT * FROM complaint WHERE complaint_id = ?", id);
    }

    Object historicVariable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    void user(String id, String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    ResponseEntity<String> rest(String userId, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(userId, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    static Date at(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    /** 12 digits with a valid check digit, the first digits given, varying the rest. */
    static String valid(String prefix, boolean iin) {
        for (int i = 0; i < 10_000; i++) {
            String candidate = IdentificationNumbers.withCheckDigit(prefix + String.format("%0" + (11 - prefix.length())
                    + "d", (i + (int) (System.nanoTime() % 5000)) % (int) Math.pow(10, 11 - prefix.length())));
            if (candidate != null && (iin ? IdentificationNumbers.isValidIin(candidate)
                    : IdentificationNumbers.isValidBin(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no valid number for " + prefix);
    }
}
