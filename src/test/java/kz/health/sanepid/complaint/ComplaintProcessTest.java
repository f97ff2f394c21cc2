package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintProcess.*;
import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.notification.NotificationPort;
import kz.health.sanepid.security.ProviderOfficers;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The complaint track (004 App.2 item 19; APPK art. 91(4)) with the engine clock moved across the real days off of
 * 2026: registered on Friday 20 March, the count skips the weekend and Nauryz (23-25 March), so working day 1 is
 * 26 March, day 3 is 30 March, day 5 is 1 April and day 15 is 15 April.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintProcessTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired FormService formService;
    @Autowired ComplaintRegistration registration;
    @Autowired Complaints complaints;
    @Autowired WorkingDayCalendar workingDays;
    @Autowired ComplaintTerms complaintTerms;
    @Autowired NotificationPort notifications;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(REGISTERED);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void headOfProviderRouteIsDueFiveWorkingDaysAfterNauryzRemindsEscalatesAndRejects() {
        ProcessInstance pi = start(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null));
        String id = pi.getBusinessKey();

        assertThat(pi).hasPassed("Task_RegisterComplaint").isWaitingAt(TASK_REVIEW_BY_PROVIDER);
        Task task = task(pi, TASK_REVIEW_BY_PROVIDER);
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-04-01"));
        assertThat(candidateGroups(task)).as("the head of this provider, not every provider's")
                .containsExactly(ProviderOfficers.headGroup(PROVIDER_BIN));
        assertThat(task.getName()).contains("Решение руководителя");
        assertThat(complaints.find(id).orElseThrow().dueAt()).isEqualTo(endOf("2026-04-01"));
        assertThat(runtimeService.getVariable(pi.getId(), REGISTERED_AT)).isEqualTo(REGISTERED);
        assertThat(runtimeService.getVariable(pi.getId(), PROVIDER_DEADLINE)).isEqualTo("2026-04-01");

        // timers' due dates before they fire: 09:00 of working day 5, and the end of that day
        Job reminder = timer(managementService, pi.getId(), "Event_ProviderReviewReminder");
        Job deadline = timer(managementService, pi.getId(), "Event_ProviderReviewDeadline");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-04-01T09:00:00+05:00"));
        assertThat(deadline.getDuedate()).isEqualTo(endOf("2026-04-01"));

        ClockUtil.setCurrentTime(at("2026-04-01T09:00:01+05:00"));
        managementService.executeJob(reminder.getId());
        List<Map<String, Object>> reminded = outbox(jdbc, ProviderOfficers.headGroup(PROVIDER_BIN), id);
        assertThat(reminded).hasSize(1);
        assertThat((String) reminded.get(0).get("BODY")).contains(id, "2026-04-01", "Напоминание");
        assertThat(pi).isWaitingAt(TASK_REVIEW_BY_PROVIDER);

        ClockUtil.setCurrentTime(at("2026-04-02T00:00:01+05:00"));
        managementService.executeJob(deadline.getId());
        assertThat(outbox(jdbc, Roles.MANAGERS, id)).singleElement()
                .satisfies(m -> assertThat((String) m.get("BODY")).contains(id, "Срок пропущен"));
        assertThat(pi).hasPassed("Task_EscalateProviderReview").isWaitingAt(TASK_REVIEW_BY_PROVIDER);
        assertThat(events(jdbc, id)).containsExactly("REGISTERED", "NOTIFIED", "REMINDED", "ESCALATED");

        taskService.complete(task.getId(), Map.of(DECISION, "REJECTED", DECISION_REASONS, "the refusal was lawful"));
        assertThat(pi).hasPassed("Task_RecordDecision").isWaitingAt("Task_NotifyApplicant");
        executeNotifyJob(pi);
        assertThat(pi).isEnded().hasPassed("Event_ComplaintClosed");

        Complaints.Complaint closed = complaints.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.decision()).isEqualTo("REJECTED");
        assertThat(closed.decidedBy()).isEqualTo("PROVIDER");
        assertThat(closed.closedAt()).isAfter(closed.dueAt());
        assertThat(events(jdbc, id)).endsWith("DECIDED", "NOTIFIED");
        NotificationPort.Notification sms = notifications.sentTo(PHONE).stream()
                .filter(n -> n.messageKey().equals(id + ":decision")).findFirst().orElseThrow();
        assertThat(sms.channel()).isEqualTo(NotificationPort.Channel.SMS);
        // a provider-level decision: the notice points to the reviewing body, not yet to court
        assertThat(sms.body()).contains(id, "Шағымды қанағаттандырудан бас тартылды", "В удовлетворении жалобы отказано",
                ComplaintNotices.REVIEWING_BODY_KK, ComplaintNotices.REVIEWING_BODY_RU)
                .doesNotContain(ComplaintNotices.COURT_KK, ComplaintNotices.COURT_RU, APPLICANT_IIN, "Test Applicant");
    }

    @Test
    void reviewingBodyRouteEndsWithTheProviderWhenItFullySatisfiesWithinThreeWorkingDays() {
        ProcessInstance pi = start(complaint("REVIEWING_BODY", PROVIDER_BIN, null, EMAIL));
        String id = pi.getBusinessKey();
        assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);
        Task task = task(pi, TASK_FIRST_REVIEW);
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-03-30"));
        assertThat(candidateGroups(task)).containsExactly(ProviderOfficers.group(PROVIDER_BIN));
        assertThat(timer(managementService, pi.getId(), "Event_FirstReviewReminder").getDuedate())
                .isEqualTo(at("2026-03-30T09:00:00+05:00"));
        assertThat(timer(managementService, pi.getId(), "Event_FirstReviewDeadline").getDuedate())
                .isEqualTo(endOf("2026-03-30"));

        ClockUtil.setCurrentTime(at("2026-03-26T15:00:00+05:00"));
        taskService.complete(task.getId(), Map.of(PROVIDER_ACTION, ACTION_FULLY_SATISFIED,
                DECISION_REASONS, "the conclusion was issued on 26.03.2026"));
        assertThat(pi).hasPassed("Event_FirstReviewDone", "Task_RecordDecision").hasNotPassed("Task_ForwardCase");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        executeNotifyJob(pi);
        assertThat(pi).isEnded();

        Complaints.Complaint closed = complaints.find(id).orElseThrow();
        assertThat(closed.decision()).isEqualTo("SATISFIED_IN_FULL");
        assertThat(closed.decidedBy()).isEqualTo("PROVIDER");
        assertThat(closed.forwardedAt()).isNull();
        assertThat(closed.closedAt()).isBefore(closed.dueAt());
        assertThat(events(jdbc, id)).containsExactly("REGISTERED", "NOTIFIED", "DECIDED", "NOTIFIED");
        NotificationPort.Notification mail = notifications.sentTo(EMAIL).stream()
                .filter(n -> n.messageKey().equals(id + ":decision")).findFirst().orElseThrow();
        assertThat(mail.channel()).isEqualTo(NotificationPort.Channel.EMAIL);
        assertThat(mail.body()).contains("Шағым толық қанағаттандырылды", "Жалоба удовлетворена полностью",
                "the conclusion was issued on 26.03.2026", ComplaintNotices.REVIEWING_BODY_RU)
                .doesNotContain(ComplaintNotices.COURT_RU);
    }

    @Test
    void forwardedOnDayTwoTheReviewingBodyDecidesWithinFifteenWorkingDaysOfRegistration() {
        ProcessInstance pi = start(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null));
        String id = pi.getBusinessKey();

        ClockUtil.setCurrentTime(at("2026-03-27T11:00:00+05:00"));
        assertThatThrownBy(() -> taskService.complete(task(pi, TASK_FIRST_REVIEW).getId(),
                Map.of(PROVIDER_ACTION, ACTION_FORWARD))).hasMessageContaining("caseDocuments");
        assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW);

        taskService.complete(task(pi, TASK_FIRST_REVIEW).getId(), Map.of(PROVIDER_ACTION, ACTION_FORWARD,
                CASE_DOCUMENTS, "application.pdf\nrefusal-decision.pdf\ninspection-report.pdf"));
        assertThat(pi).hasPassed("Task_ForwardCase").isWaitingAt(TASK_REVIEWING_BODY_DECISION);
        assertThat(runtimeService.getVariable(pi.getId(), REVIEWING_BODY_COUNT_START)).isEqualTo(REGISTERED);
        Task decision = task(pi, TASK_REVIEWING_BODY_DECISION);
        assertThat(decision.getDueDate()).isEqualTo(endOf("2026-04-15"));
        assertThat(candidateGroups(decision)).containsExactly(Roles.REVIEWING_BODY_OFFICERS);
        assertThat(timer(managementService, pi.getId(), "Event_FirstReviewDeadline")).isNull();
        Job reminder = timer(managementService, pi.getId(), "Event_ReviewingBodyReminder");
        Job deadline = timer(managementService, pi.getId(), "Event_ReviewingBodyDeadline");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-04-15T09:00:00+05:00"));
        assertThat(deadline.getDuedate()).isEqualTo(endOf("2026-04-15"));

        Complaints.Complaint forwarded = complaints.find(id).orElseThrow();
        assertThat(forwarded.forwardedAt()).isEqualTo(at("2026-03-27T11:00:00+05:00"));
        assertThat(forwarded.caseDocuments()).contains("inspection-report.pdf");
        assertThat(forwarded.dueAt()).isEqualTo(endOf("2026-04-15"));
        assertThat(forwarded.forwardingDeadlineMissed()).isFalse();

        ClockUtil.setCurrentTime(at("2026-04-15T09:00:01+05:00"));
        managementService.executeJob(reminder.getId());
        assertThat(outbox(jdbc, Roles.REVIEWING_BODY_OFFICERS, id)).hasSize(1);

        // the 15th day passes: escalation, the task stays open
        ClockUtil.setCurrentTime(at("2026-04-16T00:00:01+05:00"));
        managementService.executeJob(deadline.getId());
        assertThat(outbox(jdbc, Roles.MANAGERS, id)).hasSize(1);
        assertThat(pi).isWaitingAt(TASK_REVIEWING_BODY_DECISION);

        taskService.complete(decision.getId(), Map.of(DECISION, "SATISFIED_IN_PART",
                DECISION_REASONS, "the conclusion is issued; the fine stays"));
        executeNotifyJob(pi);
        assertThat(pi).isEnded();
        Complaints.Complaint closed = complaints.find(id).orElseThrow();
        assertThat(closed.decision()).isEqualTo("SATISFIED_IN_PART");
        assertThat(closed.decidedBy()).isEqualTo("REVIEWING_BODY");
        assertThat(events(jdbc, id)).containsExactly("REGISTERED", "NOTIFIED", "FORWARDED", "REMINDED", "ESCALATED",
                "DECIDED", "NOTIFIED");
        assertThat(notifications.sentTo(PHONE)).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo(id + ":decision");
            assertThat(n.body()).contains("Шағым ішінара қанағаттандырылды", "Жалоба удовлетворена частично",
                    ComplaintNotices.COURT_KK, ComplaintNotices.COURT_RU, "иное не предусмотрено законом")
                    .doesNotContain(ComplaintNotices.REVIEWING_BODY_RU);
        });
    }

    @Test
    void threeWorkingDaysWithoutForwardingEscalateAndFlagTheCase() {
        ProcessInstance pi = start(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null));
        String id = pi.getBusinessKey();
        Job reminder = timer(managementService, pi.getId(), "Event_FirstReviewReminder");
        Job deadline = timer(managementService, pi.getId(), "Event_FirstReviewDeadline");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-03-30T09:00:00+05:00"));
        assertThat(deadline.getDuedate()).isEqualTo(endOf("2026-03-30"));
        assertThat(runtimeService.getVariable(pi.getId(), FORWARDING_DEADLINE_MISSED)).isEqualTo(false);

        ClockUtil.setCurrentTime(at("2026-03-30T09:00:01+05:00"));
        managementService.executeJob(reminder.getId());
        assertThat(outbox(jdbc, ProviderOfficers.group(PROVIDER_BIN), id)).singleElement()
                .satisfies(m -> assertThat((String) m.get("BODY")).contains(id, "2026-03-30"));
        assertThat(pi).hasPassed("Event_FirstReviewReminded").isWaitingAt(TASK_FIRST_REVIEW);

        ClockUtil.setCurrentTime(at("2026-03-31T00:00:01+05:00"));
        managementService.executeJob(deadline.getId());

        assertThat(pi).hasPassed("Task_EscalateFirstReview").isWaitingAt(TASK_FIRST_REVIEW, EVENT_FORWARDING_OVERDUE);
        assertThat(runtimeService.getVariable(pi.getId(), FORWARDING_DEADLINE_MISSED)).isEqualTo(true);
        assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances(EVENT_FORWARDING_OVERDUE))
                .singleElement().satisfies(a -> assertThat(a.getActivityName()).contains("Срок направления пропущен"));
        assertThat(complaints.find(id).orElseThrow().forwardingDeadlineMissed()).isTrue();
        assertThat(events(jdbc, id)).containsExactly("REGISTERED", "NOTIFIED", "REMINDED", "FORWARDING_DEADLINE_MISSED",
                "ESCALATED");
        assertThat(outbox(jdbc, Roles.MANAGERS, id)).singleElement()
                .satisfies(m -> assertThat((String) m.get("BODY")).contains(id, "2026-03-30"));

        // forwarded late: the marker ends with the provider stage, the flag stays for Cockpit and the stats
        taskService.complete(task(pi, TASK_FIRST_REVIEW).getId(), Map.of(PROVIDER_ACTION, ACTION_FORWARD,
                CASE_DOCUMENTS, "application.pdf"));
        assertThat(pi).isWaitingAt(TASK_REVIEWING_BODY_DECISION).hasPassed(EVENT_FORWARDING_OVERDUE);
        assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances(EVENT_FORWARDING_OVERDUE))
                .isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), FORWARDING_DEADLINE_MISSED)).isEqualTo(true);
        assertThat(task(pi, TASK_REVIEWING_BODY_DECISION).getDueDate()).isEqualTo(endOf("2026-04-15"));
    }

    @Test
    void anOperatorMayClearTheMissedForwardingMarkerWhileTheFlagStays() {
        ProcessInstance pi = start(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null));
        ClockUtil.setCurrentTime(at("2026-03-31T00:00:01+05:00"));
        managementService.executeJob(timer(managementService, pi.getId(), "Event_FirstReviewDeadline").getId());
        assertThat(pi).isWaitingAt(TASK_FIRST_REVIEW, EVENT_FORWARDING_OVERDUE);

        runtimeService.createMessageCorrelation("ComplaintForwardingOverdueResolved")
                .processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        assertThat(pi).hasPassed("Event_ForwardingOverdueCleared").isWaitingAt(TASK_FIRST_REVIEW);
        assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances(EVENT_FORWARDING_OVERDUE))
                .isEmpty();
        assertThat(runtimeService.getVariable(pi.getId(), FORWARDING_DEADLINE_MISSED)).isEqualTo(true);
    }

    @Test
    void aDecisionWithoutReasonsIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null));
        String taskId = task(pi, TASK_REVIEW_BY_PROVIDER).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(DECISION, "SATISFIED_IN_PART")))
                .hasMessageContaining("decisionReasons");
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of(DECISION, "MAYBE", DECISION_REASONS, "x")))
                .hasMessageContaining("decision: one of");
        assertThat(pi).isWaitingAt(TASK_REVIEW_BY_PROVIDER);
        assertThat(complaints.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void theReviewingBodyTermCanCountFromForwarding() {
        ProcessInstance pi = start(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null));
        Clock forwardedAt = Clock.fixed(at("2026-03-30T16:00:00+05:00").toInstant(), WorkingDayCalendar.ZONE);
        ComplaintReview countFromForwarding = new ComplaintReview(complaints, workingDays, notifications,
                complaintTerms.countingFrom(ComplaintReview.CountFrom.FORWARDED), forwardedAt);
        ComplaintReview.Forwarded forwarded = countFromForwarding.forward(pi.getBusinessKey(), REGISTERED, "case.pdf");
        assertThat(forwarded.countStart()).isEqualTo(at("2026-03-30T16:00:00+05:00"));
        // 15 working days after Monday 30 March: 20 April (no days off in April 2026)
        assertThat(forwarded.dueAt()).isEqualTo(endOf("2026-04-20"));
        assertThat(complaints.find(pi.getBusinessKey()).orElseThrow().dueAt()).isEqualTo(endOf("2026-04-20"));
        // told at registration: the latest day, forwarding on the 3rd working day (30 March) + 15 = 20 April
        assertThat(countFromForwarding.decisionDeadline(Route.REVIEWING_BODY, ReceivedBy.PROVIDER, REGISTERED))
                .isEqualTo(endOf("2026-04-20"));
    }

    @Test
    void theTasklistStartFormIsValidatedAndARefusedFormStartsNothing() {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).latestVersion().singleResult().getId();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> form = new java.util.HashMap<>(Map.of("applicantId", "123456789012",
                "applicantName", "Test Applicant", "applicantPhone", PHONE, "serviceCode", "9",
                "providerBin", PROVIDER_BIN, "appealedKind", "INACTION", "appealedText", "no answer in 5 days",
                "demands", "", "addressee", "HEAD_OF_PROVIDER"));
        assertThatThrownBy(() -> formService.submitStartForm(definitionId, form))
                .hasMessageContaining("applicantId").hasMessageContaining("serviceCode").hasMessageContaining("demands");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);

        form.putAll(Map.of("applicantId", APPLICANT_IIN, "serviceCode", "4", "demands", "answer the application",
                "attachments", "application.pdf\n"));
        ProcessInstance pi = formService.submitStartForm(definitionId, form);
        assertThat(pi.getBusinessKey()).startsWith("CMP-");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(pi.getBusinessKey());
        assertThat(pi).isWaitingAt(TASK_REVIEW_BY_PROVIDER);
        assertThat(complaints.find(pi.getBusinessKey())).isPresent();
    }

    /** Registers, and sends the registration notice (its own asynchronous job) as the job executor would. */
    private ProcessInstance start(ComplaintRequest request) {
        ComplaintRegistration.Registered registered = registration.register(request);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(registered.processInstanceId())
                .singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(registered.complaintId());
        Job notice = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(TASK_NOTIFY_REGISTRATION).singleResult();
        assertThat(notice).isNotNull();
        managementService.executeJob(notice.getId());
        assertThat(pi).hasPassed(TASK_NOTIFY_REGISTRATION, "Event_RegistrationNotified");
        return pi;
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private void executeNotifyJob(ProcessInstance pi) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_NotifyApplicant")
                .singleResult();
        assertThat(job).isNotNull();
        managementService.executeJob(job.getId());
    }

    @SuppressWarnings("unused")
    private static Date unused() {
        return null;
    }
}
