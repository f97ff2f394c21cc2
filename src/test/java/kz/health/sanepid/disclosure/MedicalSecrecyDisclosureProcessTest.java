package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;
import static kz.health.sanepid.disclosure.DisclosureTestData.freshBin;
import static kz.health.sanepid.disclosure.DisclosureTestData.freshIin;
import static kz.health.sanepid.disclosure.DisclosureTestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.jdbc.InsertOnce;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The process medical-secrecy-disclosure: each ground route of Health Code art. 95(4), four-eyes on grounds 3 and
 * 5, the consent route of art. 95(3), the review deadline, and what is written to the disclosure and audit tables.
 * The consent route runs the real personal-data-consent with the embedded ДҚБ service, whose answers the test
 * profile sets per respondent (granted by default, refused or never answered for listed IINs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MedicalSecrecyDisclosureProcessTest {

    static final String OFFICER_A = "legal-officer-a";
    static final String OFFICER_B = "legal-officer-b";
    static final String ALL = "FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Disclosures disclosures;
    @Autowired
    JdbcTemplate jdbc;

    /** In sanepid.consent-service.embedded.refuse-iins and pending-iins of application-test.yaml. */
    private static final String REFUSING_PATIENT = "770707400009";
    private static final String SILENT_PATIENT = "820303300008";

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @ParameterizedTest(name = "{0} / {1} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "MEDICAL_ORGANISATION | TREATMENT_PATIENT_UNABLE_TO_CONSENT | MEDICAL_REFERRAL | " + "DIAGNOSIS,EXAMINATION_TREATMENT | GROUND_1 | false | DIAGNOSIS,EXAMINATION_TREATMENT | ''",
            "OTHER | DANGEROUS_DISEASE_THREAT | EPIDEMIOLOGICAL_NOTICE | FACT_OF_CARE,DIAGNOSIS,EXAMINATION_TREATMENT | GROUND_2 | false | FACT_OF_CARE,DIAGNOSIS | EXAMINATION_TREATMENT",
            "PROSECUTOR | INVESTIGATION_OR_TRIAL | PROSECUTOR_REQUEST | HEALTH_STATUS,DIAGNOSIS | GROUND_3 | true | HEALTH_STATUS,DIAGNOSIS | ''",
            "LEGAL_REPRESENTATIVE | INFORM_REPRESENTATIVE_OF_MINOR_OR_INCAPABLE | REPRESENTATION_DOCUMENT | " + ALL + " | GROUND_4 | false | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS | EXAMINATION_TREATMENT",
            "INVESTIGATION_BODY | HARM_BY_UNLAWFUL_ACTS | INVESTIGATOR_REQUEST | " + ALL + " | GROUND_5 | true | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS | EXAMINATION_TREATMENT"})
    void eachGroundIsConfirmedAndReleasesOnlyTheAllowedCategories(String requesterKind, String purposeKind,
                                                                   String documentKind, String categories,
                                                                   String ground, boolean fourEyes, String released,
                                                                   String withheld) {
        String patient = freshIin();
        String requesterBin = freshBin();
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID,
                request(requesterKind, purposeKind, documentKind, categories, patient, requesterBin));

        assertThat(pi).hasPassed(TASK_REGISTER, TASK_DECIDE_GROUND).isWaitingAt(TASK_REVIEW_GROUND)
                .hasVariables(DISCLOSURE_ID);
        assertThat(pi).variables().containsEntry(PROPOSED_GROUND, ground)
                .containsEntry(SECOND_APPROVAL_REQUIRED, fourEyes).containsEntry(RELEASABLE_CATEGORIES, released)
                .containsEntry(WITHHELD_CATEGORIES, withheld);
        Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(
                l -> Roles.DATA_PROTECTION_OFFICERS.equals(l.getGroupId()));

        confirmAs(pi, OFFICER_A);
        if (fourEyes) {
            assertThat(pi).isWaitingAt(TASK_SECOND_APPROVAL);
            approveAs(pi, OFFICER_B, APPROVED);
        }
        assertThat(pi).isWaitingAt(TASK_RELEASE);
        executeAsyncJobs(pi);

        assertThat(pi).hasPassed(TASK_RELEASE).isEnded();
        assertThat(pi).hasNotPassed(CALL_REQUEST_CONSENT);
        String id = (String) historicVariable(pi, DISCLOSURE_ID);
        Disclosures.Disclosure row = disclosures.find(id);
        assertThat(row.status()).isEqualTo("RELEASED");
        assertThat(row.legalBasis()).isEqualTo(ground);
        assertThat(row.categoriesReleased()).isEqualTo(released);
        assertThat(row.categoriesWithheld()).isEqualTo(withheld);
        assertThat(row.reviewedBy()).isEqualTo(OFFICER_A);
        assertThat(row.approvedBy()).isEqualTo(fourEyes ? OFFICER_B : null);
        assertThat(row.closedAt()).isNotNull();
        assertThat(row.groundClause()).startsWith("Health Code art. 95(4)(" + ground.charAt(7) + ")");
        List<Map<String, Object>> audit = auditRows(id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("SUBJECT_IIN", patient)
                .containsEntry("READER", requesterKind + ":" + requesterBin);
        assertThat((String) audit.get(0).get("PURPOSE")).contains(released, ground);
    }

    @Test
    void fourEyesRefusesTheFirstOfficerAndAcceptsAnother() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("COURT",
                "INVESTIGATION_OR_TRIAL", "COURT_REQUEST", "DIAGNOSIS", freshIin(), freshBin()));
        confirmAs(pi, OFFICER_A);
        assertThat(pi).isWaitingAt(TASK_SECOND_APPROVAL);
        Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(TASK_SECOND_APPROVAL);

        // the first officer may not claim the second approval
        assertThatThrownBy(() -> taskService.claim(approval.getId(), OFFICER_A)).hasMessageContaining("four-eyes");
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();

        // nor complete it while logged in, even when someone else holds it
        taskService.claim(approval.getId(), OFFICER_B);
        identityService.setAuthentication(OFFICER_A, List.of(Roles.DATA_PROTECTION_OFFICERS));
        assertThatThrownBy(() -> taskService.complete(approval.getId(),
                Variables.createVariables().putValue(APPROVAL_DECISION, APPROVED))).hasMessageContaining("four-eyes");
        identityService.clearAuthentication();
        assertThat(pi).isWaitingAt(TASK_SECOND_APPROVAL);
        assertThat(disclosures.find(disclosureId(pi)).approvedBy()).isNull();

        // a different officer of the group approves, logged in
        identityService.setAuthentication(OFFICER_B, List.of(Roles.DATA_PROTECTION_OFFICERS));
        taskService.complete(approval.getId(), Variables.createVariables().putValue(APPROVAL_DECISION, APPROVED));
        identityService.clearAuthentication();
        assertThat(pi).hasPassed(TASK_SECOND_APPROVAL).isWaitingAt(TASK_RELEASE);
        executeAsyncJobs(pi);
        assertThat(pi).isEnded().hasPassed(EVENT_RELEASED);
        Disclosures.Disclosure row = disclosures.find(disclosureId(pi));
        assertThat(row.reviewedBy()).isEqualTo(OFFICER_A);
        assertThat(row.approvedBy()).isEqualTo(OFFICER_B);
        assertThat(row.approvalDecision()).isEqualTo(APPROVED);
    }

    @Test
    void aSecondOfficerWhoDoesNotApproveSendsTheRequestToConsent() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("INVESTIGATION_BODY",
                "HARM_BY_UNLAWFUL_ACTS", "INVESTIGATOR_REQUEST", "DIAGNOSIS", freshIin(), freshBin()));
        confirmAs(pi, OFFICER_A);
        Task approval = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(approval.getId(), OFFICER_B);
        assertThatThrownBy(() -> taskService.complete(approval.getId(),
                Variables.createVariables().putValue(APPROVAL_DECISION, REJECTED)))
                .hasMessageContaining(APPROVAL_COMMENT);
        taskService.complete(approval.getId(), Variables.createVariables().putValue(APPROVAL_DECISION, REJECTED)
                .putValue(APPROVAL_COMMENT, "the request names no case number"));
        assertThat(pi).isWaitingAt(CALL_REQUEST_CONSENT);
        assertThat(disclosures.find(disclosureId(pi)).approvalDecision()).isEqualTo(REJECTED);
    }

    @Test
    void noGroundAsksTheConsentAndReleasesTheAskedCategoriesWhenGranted() {
        String patient = registered(freshIin());
        String requesterBin = freshBin();
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("RESEARCHER", "RESEARCH",
                "RESEARCH_PROTOCOL", "DIAGNOSIS,HEALTH_STATUS", patient, requesterBin));
        assertThat(pi).hasPassed(TASK_DECIDE_GROUND).hasNotPassed(TASK_REVIEW_GROUND).isWaitingAt(CALL_REQUEST_CONSENT);
        assertThat(pi).variables().containsEntry(PROPOSED_GROUND, GROUND_NONE);
        executeAsyncJobs(pi);

        ProcessInstance consent = consentOf(pi);
        // the contract with personal-data-consent
        assertThat(consent).variables().containsEntry("subjectIin", patient).containsEntry("operatorBin", requesterBin)
                .containsEntry("dataCategories", "MEDICAL").containsEntry("requesterKind", "RESEARCHER")
                .containsEntry("channel", "STATE_SERVICE").containsEntry("purpose", "synthetic purpose for RESEARCH")
                .doesNotContainKey(REQUESTER_NAME).doesNotContainKey(DOCUMENT_REF);
        assertThat(consent.getBusinessKey()).isEqualTo(disclosureId(pi));

        // the embedded ДҚБ service grants at once (sanepid.consent-service.embedded.default-answer)
        runConsent(consent);
        assertThat(consent).isEnded();
        assertThat(pi).hasPassed(CALL_REQUEST_CONSENT).isWaitingAt(TASK_RELEASE);
        executeAsyncJobs(pi);
        assertThat(pi).isEnded().hasPassed(EVENT_RELEASED);
        Disclosures.Disclosure row = disclosures.find(disclosureId(pi));
        assertThat(row.status()).isEqualTo("RELEASED");
        assertThat(row.legalBasis()).isEqualTo("CONSENT");
        assertThat(row.categoriesReleased()).isEqualTo("HEALTH_STATUS,DIAGNOSIS");
        assertThat(row.consentOutcome()).isEqualTo("GRANTED");
        assertThat(row.consentRecordId()).isNotBlank().isEqualTo(historicVariable(consent, "consentRecordId"));
        assertThat(row.reviewedBy()).isNull();
        assertThat(auditRows(row.id())).singleElement().satisfies(a -> assertThat((String) a.get("PURPOSE"))
                .contains("CONSENT", "Health Code art. 95(3)"));
    }

    @Test
    void aRefusedConsentEndsTheRequestRefusedAndReleasesNothing() {
        // in sanepid.consent-service.embedded.refuse-iins (application-test.yaml): the ДҚБ service answers REFUSED
        String patient = registered(REFUSING_PATIENT);
        // an advocate without a BIN: the consent request names the medical organisation as operator
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("ADVOCATE",
                "INVESTIGATION_OR_TRIAL", "NONE", "DIAGNOSIS", patient, null));
        assertThat(pi).isWaitingAt(CALL_REQUEST_CONSENT);
        executeAsyncJobs(pi);
        ProcessInstance consent = consentOf(pi);
        assertThat(consent).variables().containsEntry("operatorBin", "050140000120");

        runConsent(consent);
        assertThat(pi).isEnded().hasPassed(TASK_RECORD_REFUSAL, EVENT_REFUSED).hasNotPassed(TASK_RELEASE);
        Disclosures.Disclosure row = disclosures.find(disclosureId(pi));
        assertThat(row.status()).isEqualTo("REFUSED");
        assertThat(row.refusalReason()).isEqualTo("CONSENT_REFUSED");
        assertThat(row.categoriesReleased()).isNull();
        assertThat(auditRows(row.id())).isEmpty();
    }

    @Test
    void anOfficerWhoRejectsTheGroundSendsTheRequestToConsentAndATimedOutConsentRefuses() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("LEGAL_REPRESENTATIVE",
                "INFORM_REPRESENTATIVE_OF_MINOR_OR_INCAPABLE", "REPRESENTATION_DOCUMENT", "DIAGNOSIS",
                registered(SILENT_PATIENT), null));
        Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.claim(review.getId(), OFFICER_A);
        // a rejection needs its reason; an unknown decision is refused
        assertThatThrownBy(() -> taskService.complete(review.getId(),
                Variables.createVariables().putValue(REVIEW_DECISION, REJECTED))).hasMessageContaining(REVIEW_COMMENT);
        assertThatThrownBy(() -> taskService.complete(review.getId(),
                Variables.createVariables().putValue(REVIEW_DECISION, "MAYBE"))).hasMessageContaining(REVIEW_DECISION);
        taskService.complete(review.getId(), Variables.createVariables().putValue(REVIEW_DECISION, REJECTED)
                .putValue(REVIEW_COMMENT, "the guardianship decision is not attached"));

        assertThat(pi).hasPassed(TASK_REVIEW_GROUND).isWaitingAt(CALL_REQUEST_CONSENT);
        executeAsyncJobs(pi);
        letConsentExpire(consentOf(pi));
        assertThat(pi).isEnded().hasPassed(EVENT_REFUSED);
        Disclosures.Disclosure row = disclosures.find(disclosureId(pi));
        assertThat(row.reviewDecision()).isEqualTo(REJECTED);
        assertThat(row.reviewedBy()).isEqualTo(OFFICER_A);
        assertThat(row.reviewComment()).contains("guardianship");
        assertThat(row.refusalReason()).isEqualTo("CONSENT_EXPIRED");
        assertThat(row.status()).isEqualTo("REFUSED");
    }

    @Test
    void theReviewIsDueInWorkingDaysWithAReminderAndAnEscalation() {
        // Friday 20 March 2026; 23-25 March are Nauryz days off: 3 working days are 26, 27 and 30 March
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-20T10:00:00+05:00").toInstant()));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, request("COURT",
                "INVESTIGATION_OR_TRIAL", "COURT_REQUEST", "DIAGNOSIS", freshIin(), freshBin()));
        Date deadline = Date.from(OffsetDateTime.parse("2026-03-30T23:59:59.999+05:00").toInstant());
        Date reminderAt = Date.from(OffsetDateTime.parse("2026-03-30T09:00:00+05:00").toInstant());
        Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(review.getDueDate()).isEqualTo(deadline);
        assertThat(disclosures.find(disclosureId(pi)).reviewDueAt()).isEqualTo(deadline.toInstant());
        Job reminder = timer(pi, EVENT_REVIEW_REMINDER);
        Job overdue = timer(pi, EVENT_REVIEW_OVERDUE);
        assertThat(reminder.getDuedate()).isEqualTo(reminderAt);
        assertThat(overdue.getDuedate()).isEqualTo(deadline);

        ClockUtil.setCurrentTime(reminderAt);
        managementService.executeJob(reminder.getId());
        assertThat(pi).hasPassed(TASK_RECORD_REMINDER).isWaitingAt(TASK_REVIEW_GROUND);
        assertThat(pi).variables().containsEntry(REVIEW_REMINDED, true).doesNotContainKey(REVIEW_ESCALATED);
        assertThat(disclosures.find(disclosureId(pi)).remindedAt()).isEqualTo(reminderAt.toInstant());
        assertThat(disclosures.find(disclosureId(pi)).escalatedAt()).isNull();

        Date afterDeadline = new Date(deadline.getTime() + 1);
        ClockUtil.setCurrentTime(afterDeadline);
        managementService.executeJob(overdue.getId());
        assertThat(pi).hasPassed(TASK_RECORD_ESCALATION).isWaitingAt(TASK_REVIEW_GROUND);
        assertThat(pi).variables().containsEntry(REVIEW_ESCALATED, true);
        assertThat(disclosures.find(disclosureId(pi)).escalatedAt()).isEqualTo(afterDeadline.toInstant());

        // confirming the ground ends the deadline
        confirmAs(pi, OFFICER_A);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2026-04-03T23:59:59.999+05:00").toInstant()));
    }

    @Test
    void anInvalidRequestStartsNothingAndWritesNothing() {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_request", Integer.class);
        VariableMap bad = request("PRIEST", "INVESTIGATION_OR_TRIAL", "COURT_REQUEST", "DIAGNOSIS,GENOME",
                "850501300012", null);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, bad))
                .isInstanceOf(InvalidDisclosureRequestException.class)
                .hasMessageContaining("requesterKind").hasMessageContaining("patientIin")
                .hasMessageContaining("GENOME").hasMessageNotContaining("850501300012");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
                .isEqualTo(instances);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_request", Integer.class)).isEqualTo(rows);
    }

    @Test
    void theStartFormsCheckBoxesBecomeTheRequestedCategories() {
        VariableMap vars = request("COURT", "INVESTIGATION_OR_TRIAL", "COURT_REQUEST", null, freshIin(), null);
        vars.remove(REQUESTED_CATEGORIES);
        vars.putValue("categoryDiagnosis", true).putValue("categoryFactOfCare", true)
                .putValue("categoryHealthStatus", false);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_ID, vars);
        assertThat(pi).variables().containsEntry(REQUESTED_CATEGORIES, "FACT_OF_CARE,DIAGNOSIS");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(disclosureId(pi));
    }

    // ------------------------------------------------------------------------------------------------------------

    private void confirmAs(ProcessInstance pi, String officer) {
        Task review = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_REVIEW_GROUND).singleResult();
        taskService.claim(review.getId(), officer);
        taskService.complete(review.getId(), Variables.createVariables().putValue(REVIEW_DECISION, CONFIRMED));
        assertThat(disclosures.find(disclosureId(pi)).reviewedBy()).isEqualTo(officer);
    }

    private void approveAs(ProcessInstance pi, String officer, String decision) {
        Task approval = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_SECOND_APPROVAL).singleResult();
        taskService.claim(approval.getId(), officer);
        taskService.complete(approval.getId(), Variables.createVariables().putValue(APPROVAL_DECISION, decision));
    }

    private ProcessInstance consentOf(ProcessInstance pi) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    /** A patient in the person registry, as the consent process looks the subject up there. */
    private String registered(String iin) {
        InsertOnce.insert(jdbc, "person", "iin", Map.of("iin", iin, "surname", "Сынақ", "given_name", "Науқас",
                "birth_date", java.sql.Date.valueOf("1980-05-05")));
        return iin;
    }

    /** Runs the consent process's asynchronous steps, as the job executor would. */
    private void runConsent(ProcessInstance consent) {
        executeAsyncJobs(consent);
    }

    /** The ДҚБ service never answers: the consent's answer time-out fires. */
    private void letConsentExpire(ProcessInstance consent) {
        runConsent(consent);
        Job timeout = managementService.createJobQuery().processInstanceId(consent.getId()).timers().singleResult();
        ClockUtil.setCurrentTime(timeout.getDuedate());
        managementService.executeJob(timeout.getId());
    }

    private void executeAsyncJobs(ProcessInstance pi) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(pi.getId()).messages().list()).isEmpty()) {
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }

    private String disclosureId(ProcessInstance pi) {
        return (String) historicVariable(pi, DISCLOSURE_ID);
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }

    private List<Map<String, Object>> auditRows(String disclosureId) {
        return jdbc.queryForList("SELECT * FROM audit_read WHERE endpoint = ?",
                Disclosures.AUDIT_ENDPOINT_PREFIX + disclosureId);
    }
}
