package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintProcess.*;
import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.notification.NotificationPort;
import kz.health.sanepid.security.ProviderOfficers;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * 004 App.2 item 19 as its people live it, through the API and /engine-rest (the doors Tasklist uses), with the
 * engine clock moved across Nauryz 2026 (registered Friday 20 March: day 5 is 1 April, day 15 is 15 April): the head
 * of the provider decides a complaint addressed to the head; a complaint received directly by the reviewing body is
 * registered by its officer and decided there within 15 working days of that registration; the applicant is told the
 * number and the decision deadline at registration; the decision notice points to the reviewing body after a
 * provider-level decision and to court only after the pre-trial review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintHeadAndReviewingBodyTest {

    static final String OFFICER = "cmp-officer";
    static final String HEAD = "cmp-head";
    /** The head of another provider: neither sees nor decides this provider's complaints. */
    static final String OTHER_HEAD = "cmp-head-other";
    static final String REVIEWER = "cmp-reviewer";
    static final String PASSWORD = "Shagym#Head-Test2026";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired NotificationPort notifications;
    @Autowired Complaints complaints;
    @Autowired ComplaintReview review;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired ProviderOfficers providerOfficers;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(REGISTERED);
        user(OFFICER, Roles.PROVIDER_OFFICERS);
        user(HEAD, Roles.PROVIDER_HEADS);
        user(OTHER_HEAD, Roles.PROVIDER_HEADS);
        providerOfficers.enrolHead(OTHER_HEAD, uniqueProviderBin(899));
        user(REVIEWER, Roles.REVIEWING_BODY_OFFICERS);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void theHeadOfTheProviderDecidesNotTheOfficerWhoRegisteredIt() {
        String bin = uniqueProviderBin(811);
        providerOfficers.enrolHead(HEAD, bin);
        ResponseEntity<Map<String, Object>> registered = post(OFFICER, body(complaint("HEAD_OF_PROVIDER", bin, PHONE,
                null)));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) registered.getBody().get("complaintId");
        ProcessInstance pi = instance(id);
        noticeSent(pi);
        assertThat(pi).isWaitingAt(TASK_REVIEW_BY_PROVIDER).hasPassed("Gateway_ReceivedBy", "Gateway_Addressee");
        Task task = task(pi, TASK_REVIEW_BY_PROVIDER);
        assertThat(candidateGroups(task)).as("this provider's head, not every provider's")
                .containsExactly(ProviderOfficers.headGroup(bin));
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-04-01"));

        // the registering officer neither claims nor decides it; the head does
        Map<String, Object> decision = Map.of("variables", Map.of(
                DECISION, Map.of("value", "SATISFIED_IN_PART", "type", "String"),
                DECISION_REASONS, Map.of("value", "the conclusion is re-issued; the fee stays", "type", "String")));
        assertThat(engineRest(OFFICER, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", OFFICER))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(engineRest(OFFICER, "/engine-rest/task/" + task.getId() + "/complete", decision)
                .getStatusCode().value()).isEqualTo(403);
        // nor does the head of another provider: not in their task list, no claim, no decision, no read
        assertThat(http.withBasicAuth(OTHER_HEAD, PASSWORD).getForEntity("/engine-rest/task?processInstanceId="
                + pi.getId(), String.class).getBody()).isEqualTo("[]");
        assertThat(engineRest(OTHER_HEAD, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId",
                OTHER_HEAD)).getStatusCode().value()).isIn(403, 404);
        assertThat(engineRest(OTHER_HEAD, "/engine-rest/task/" + task.getId() + "/complete", decision)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(http.withBasicAuth(OTHER_HEAD, PASSWORD).getForEntity("/api/complaints/" + id, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(HEAD, PASSWORD).getForEntity("/api/complaints/" + id, String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(task(pi, TASK_REVIEW_BY_PROVIDER).getAssignee()).isNull();
        // the head's reminder comes at 09:00 of working day 5
        Job reminder = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId("Event_ProviderReviewReminder").singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-04-01T09:00:00+05:00"));
        ClockUtil.setCurrentTime(at("2026-04-01T09:00:01+05:00"));
        managementService.executeJob(reminder.getId());
        assertThat(outbox(jdbc, ProviderOfficers.headGroup(bin), id)).hasSize(1);
        assertThat(outbox(jdbc, Roles.PROVIDER_OFFICERS, id)).isEmpty();

        ResponseEntity<Map<String, Object>> byHead = engineRest(HEAD, "/engine-rest/task/" + task.getId()
                + "/complete", decision);
        assertThat(byHead.getStatusCode().value()).isEqualTo(204);
        executeJob(pi, "Task_NotifyApplicant");
        assertThat(pi).isEnded().hasPassed("Task_RecordDecision", "Event_ComplaintClosed");
        assertThat(complaints.find(id).orElseThrow().decidedBy()).isEqualTo("PROVIDER");
        NotificationPort.Notification notice = sent(PHONE, id + ":decision");
        assertThat(notice.body()).contains(ComplaintNotices.REVIEWING_BODY_KK, ComplaintNotices.REVIEWING_BODY_RU)
                .doesNotContain(ComplaintNotices.COURT_KK, ComplaintNotices.COURT_RU);
    }

    @Test
    void aComplaintReceivedDirectlyByTheReviewingBodyIsRegisteredThereAndDecidedWithinFifteenWorkingDays() {
        String bin = uniqueProviderBin(812);
        Map<String, Object> direct = body(complaint("REVIEWING_BODY", bin, null, EMAIL));
        direct.put("receivedBy", "REVIEWING_BODY");
        ResponseEntity<Map<String, Object>> registered = post(REVIEWER, direct);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) registered.getBody().get("complaintId");
        assertThat(registered.getBody()).containsEntry("dueAt", "2026-04-15T23:59:59.999+05:00");
        ProcessInstance pi = instance(id);

        // told at once: the number and 15 April, by e-mail (no phone)
        noticeSent(pi);
        NotificationPort.Notification told = sent(EMAIL, id + ":registered");
        assertThat(told.channel()).isEqualTo(NotificationPort.Channel.EMAIL);
        assertThat(told.body()).contains(id, "2026-04-15", "органом рассмотрения жалоб");

        assertThat(pi).hasPassed("Gateway_ReceivedBy", "Gateway_ReviewingBodyJoin")
                .hasNotPassed("Gateway_Addressee", "Task_FirstReview", "Task_ForwardCase")
                .isWaitingAt(TASK_REVIEWING_BODY_DECISION);
        assertThat(runtimeService.getVariable(pi.getId(), REVIEWING_BODY_COUNT_START)).isEqualTo(REGISTERED);
        Task task = task(pi, TASK_REVIEWING_BODY_DECISION);
        assertThat(candidateGroups(task)).containsExactly(Roles.REVIEWING_BODY_OFFICERS);
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-04-15"));
        Complaints.Complaint stored = complaints.find(id).orElseThrow();
        assertThat(stored.receivedBy()).isEqualTo("REVIEWING_BODY");
        assertThat(stored.route()).isEqualTo("REVIEWING_BODY");
        assertThat(stored.forwardedAt()).isNull();

        // the 15th working day: reminder at 09:00, escalation at its end; the task stays open
        Job reminder = timer(managementService, pi.getId(), "Event_ReviewingBodyReminder");
        Job deadline = timer(managementService, pi.getId(), "Event_ReviewingBodyDeadline");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-04-15T09:00:00+05:00"));
        assertThat(deadline.getDuedate()).isEqualTo(endOf("2026-04-15"));
        ClockUtil.setCurrentTime(at("2026-04-16T00:00:01+05:00"));
        managementService.executeJob(deadline.getId());
        assertThat(outbox(jdbc, Roles.MANAGERS, id)).hasSize(1);
        assertThat(pi).isWaitingAt(TASK_REVIEWING_BODY_DECISION);

        taskService.complete(task.getId(), Map.of(DECISION, "REJECTED", DECISION_REASONS, "the refusal was lawful"));
        executeJob(pi, "Task_NotifyApplicant");
        assertThat(pi).isEnded();
        assertThat(complaints.find(id).orElseThrow().decidedBy()).isEqualTo("REVIEWING_BODY");
        assertThat(sent(EMAIL, id + ":decision").body()).contains(ComplaintNotices.COURT_KK, ComplaintNotices.COURT_RU)
                .doesNotContain(ComplaintNotices.REVIEWING_BODY_RU);
        assertThat(events(jdbc, id)).containsExactly("REGISTERED", "NOTIFIED", "ESCALATED", "DECIDED", "NOTIFIED");
    }

    @Test
    void theReviewingBodysTasklistStartFormRegistersForItsBodyWhenLeftEmpty() {
        String bin = uniqueProviderBin(813);
        Map<String, Object> form = new HashMap<>();
        body(complaint("REVIEWING_BODY", bin, PHONE, null)).forEach((k, v) -> {
            if (v instanceof String text && !k.equals("addressee") && !k.equals("reviewingBody")) {
                form.put(k, Map.of("value", text, "type", "String"));
            }
        });
        // the form hides addressee and reviewing body when the reviewing body received it: both are implied
        ResponseEntity<Map<String, Object>> started = engineRest(REVIEWER, "/engine-rest/process-definition/key/"
                + KEY + "/submit-form", Map.of("variables", form));
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) started.getBody().get("id")).singleResult();
        assertThat(runtimeService.getVariable(pi.getId(), RECEIVED_BY)).isEqualTo("REVIEWING_BODY");
        assertThat(runtimeService.getVariable(pi.getId(), "reviewingBody")).isEqualTo("AUTHORISED_BODY");
        assertThat(runtimeService.getVariable(pi.getId(), DECISION_DEADLINE)).isEqualTo("2026-04-15");
        assertThat(pi).isWaitingAt(TASK_REVIEWING_BODY_DECISION);
        noticeSent(pi);
        assertThat(sent(PHONE, pi.getBusinessKey() + ":registered").body())
                .contains(pi.getBusinessKey(), "2026-04-15", "шағымды қарайтын органда тіркелді")
                .doesNotContain(APPLICANT_IIN, "Test Applicant");
    }

    @Test
    void eachOfficerRegistersOnlyForTheBodyThatReceivedItAndTheHeadRegistersNothing() {
        String bin = uniqueProviderBin(814);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();

        Map<String, Object> directByOfficer = body(complaint("REVIEWING_BODY", bin, PHONE, null));
        directByOfficer.put("receivedBy", "REVIEWING_BODY");
        ResponseEntity<Map<String, Object>> officer = post(OFFICER, directByOfficer);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(officer.getBody().get("reasons").toString()).contains("receivedBy: a complaint received by the"
                + " reviewing body is registered by its officers");

        Map<String, Object> providerByReviewer = body(complaint("HEAD_OF_PROVIDER", bin, PHONE, null));
        providerByReviewer.put("receivedBy", "PROVIDER");
        ResponseEntity<Map<String, Object>> reviewer = post(REVIEWER, providerByReviewer);
        assertThat(reviewer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviewer.getBody().get("reasons").toString()).contains("receivedBy: a complaint received by the"
                + " provider is registered by its officers");

        // the reviewer's own body, but addressed to the provider's head: contradictory, refused with the reason
        ResponseEntity<Map<String, Object>> toHead = post(REVIEWER, body(complaint("HEAD_OF_PROVIDER", bin, PHONE,
                null)));
        assertThat(toHead.getBody().get("reasons").toString()).contains("addressee: a complaint received directly");

        // the same at /engine-rest (and so Tasklist): the start's first step refuses it
        Map<String, Object> form = new HashMap<>();
        directByOfficer.forEach((k, v) -> {
            if (v instanceof String text) {
                form.put(k, Map.of("value", text, "type", "String"));
            }
        });
        ResponseEntity<Map<String, Object>> rest = engineRest(OFFICER, "/engine-rest/process-definition/key/" + KEY
                + "/submit-form", Map.of("variables", form));
        assertThat(rest.getStatusCode().isError()).isTrue();
        assertThat((String) rest.getBody().get("message")).contains("receivedBy: a complaint received by the"
                + " reviewing body");

        // the head decides; registering is the officers' work
        assertThat(post(HEAD, body(complaint("HEAD_OF_PROVIDER", bin, PHONE, null))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engineRest(HEAD, "/engine-rest/process-definition/key/" + KEY + "/start",
                Map.of("variables", form)).getStatusCode().value()).isEqualTo(403);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(rows);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
    }

    @Test
    void theRegistrationNoticeNamesTheDecisionDeadlineOfEachRouteAndIsSentOnce() {
        String bin = uniqueProviderBin(815);
        String toHead = (String) post(OFFICER, body(complaint("HEAD_OF_PROVIDER", bin, PHONE, null))).getBody()
                .get("complaintId");
        String throughProvider = (String) post(OFFICER, body(complaint("REVIEWING_BODY", bin, PHONE, null))).getBody()
                .get("complaintId");
        ProcessInstance head = instance(toHead);
        ProcessInstance body = instance(throughProvider);
        assertThat(runtimeService.getVariable(head.getId(), DECISION_DEADLINE)).isEqualTo("2026-04-01");
        assertThat(runtimeService.getVariable(body.getId(), DECISION_DEADLINE)).isEqualTo("2026-04-15");
        Job job = managementService.createJobQuery().processInstanceId(head.getId())
                .activityId(TASK_NOTIFY_REGISTRATION).singleResult();
        // the notice waits for its own job; the review is open meanwhile
        assertThat(head).isWaitingAt(TASK_NOTIFY_REGISTRATION, TASK_REVIEW_BY_PROVIDER);
        managementService.executeJob(job.getId());
        noticeSent(body);
        assertThat(sent(PHONE, toHead + ":registered").body()).contains(toHead, "2026-04-01", "тіркелді",
                "зарегистрирована").doesNotContain(APPLICANT_IIN);
        assertThat(sent(PHONE, throughProvider + ":registered").body()).contains(throughProvider, "2026-04-15");
        // a retried notice sends nothing twice (idempotent per complaint)
        review.notifyRegistered(toHead, "2026-04-01");
        assertThat(notifications.sentTo(PHONE).stream().filter(n -> n.messageKey().equals(toHead + ":registered")))
                .hasSize(1);
        assertThat(events(jdbc, toHead)).containsExactly("REGISTERED", "NOTIFIED");
    }

    // --- helpers

    private ProcessInstance instance(String complaintId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(complaintId).singleResult();
    }

    private void noticeSent(ProcessInstance pi) {
        executeJob(pi, TASK_NOTIFY_REGISTRATION);
        assertThat(pi).hasPassed(TASK_NOTIFY_REGISTRATION, "Event_RegistrationNotified");
    }

    private void executeJob(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
                .singleResult();
        assertThat(job).as(activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private NotificationPort.Notification sent(String contact, String key) {
        return notifications.sentTo(contact).stream().filter(n -> n.messageKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing sent with key " + key));
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
    }

    private ResponseEntity<Map<String, Object>> engineRest(String user, String path, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
    }

    private void user(String userId, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            identityService.saveGroup(identityService.newGroup(groupId));
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
    }
}
