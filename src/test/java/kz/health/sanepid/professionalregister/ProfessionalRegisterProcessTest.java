package kz.health.sanepid.professionalregister;

import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.HrSpecialists;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
 * professional-register-update (order No. 66 items 8-9), one test per branch, with the engine clock across the real
 * days off of 2026: re-issued on Friday 20 March, the count skips the weekend and Nauryz (23-25 March), so working
 * day 1 is 26 March and day 3, the due day, is Monday 30 March.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProfessionalRegisterProcessTest {

    static final Date REISSUED = at("2026-03-20T10:00:00+05:00");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RegisterFixtures fixtures;
    @Autowired SduFixtures sdu;
    @Autowired RegisterUpdates updates;
    @Autowired RegisterHandOff handOff;
    @Autowired kz.health.sanepid.security.SubjectErasure erasure;
    @Autowired JdbcTemplate jdbc;

    String employerBin;

    @BeforeEach
    void clock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(REISSUED);
        employerBin = sdu.newBin();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEmployersHrSpecialistsGetATaskDueInThreeWorkingDaysAndTheirEntryIsRecorded() {
        RegisterFixtures.Reissued r = fixtures.reissuedCertificate(employerBin);
        ProcessInstance pi = instance(r);
        assertThat(pi.getBusinessKey()).isEqualTo(r.certificateId()).doesNotContain(r.iin());
        assertThat(pi).isWaitingAt("Task_FindEmployer"); // a job of its own: the recipient did not wait
        assertThat(updates.find(r.certificateId()).orElseThrow().outcome()).isEqualTo(RegisterUpdates.Outcome.REQUESTED);
        runJob(pi);

        assertThat(pi).hasPassed("Task_FindEmployer").isWaitingAt(TASK_UPDATE_REGISTER);
        Task task = task(pi);
        assertThat(candidateGroups(task)).containsExactly(HrSpecialists.group(employerBin));
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-03-30"));
        RegisterUpdates.Update open = updates.find(r.certificateId()).orElseThrow();
        assertThat(open.outcome()).isEqualTo(RegisterUpdates.Outcome.OPEN);
        assertThat(open.employerBin()).isEqualTo(employerBin);
        assertThat(open.dueAt()).isEqualTo(endOf("2026-03-30").toInstant());
        assertThat(runtimeService.getVariables(pi.getId())).containsEntry(PERSON_IIN, r.iin())
                .containsEntry(NEW_FULL_NAME, RegisterFixtures.NEW_NAME).containsEntry(CERTIFICATE_ID, r.certificateId())
                .containsEntry(REPLACES_PERMIT_ID, r.oldPermitId());

        ClockUtil.setCurrentTime(at("2026-03-26T11:00:00+05:00"));
        taskService.claim(task.getId(), "hr-test-user");
        // only the form's fields; a date after today is refused and the task stays open
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(ENTRY_NUMBER, "PR-2026/0042",
                ENTRY_DATE, "2026-03-26", EMPLOYER_BIN, "000000000000")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("not a field of form");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(ENTRY_NUMBER, "PR-2026/0042",
                ENTRY_DATE, "2026-03-27")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(ENTRY_DATE);
        assertThat(pi).isWaitingAt(TASK_UPDATE_REGISTER);

        taskService.complete(task.getId(), Map.of(ENTRY_NUMBER, "PR-2026/0042", ENTRY_DATE, "2026-03-26",
                NOTE, "Тегі және сертификат туралы мәліметтер өзгертілді / изменены фамилия и сертификат"));

        assertThat(pi).isEnded().hasPassed(TASK_UPDATE_REGISTER, END_UPDATED).hasNotPassed(END_NO_EMPLOYER,
                "Task_RemindUpdate", "Task_EscalateUpdate");
        RegisterUpdates.Update done = updates.find(r.certificateId()).orElseThrow();
        assertThat(done.outcome()).isEqualTo(RegisterUpdates.Outcome.UPDATED);
        assertThat(done.updatedBy()).isEqualTo("hr-test-user");
        assertThat(done.updatedAt()).isEqualTo(at("2026-03-26T11:00:00+05:00").toInstant());
        assertThat(done.registerEntryNumber()).isEqualTo("PR-2026/0042");
        assertThat(done.registerEntryDate()).hasToString("2026-03-26");
        assertThat(done.note()).contains("сертификат");
        assertThat(done.remindedAt()).isNull();
        assertThat(done.escalatedAt()).isNull();
    }

    @Test
    void onTheMorningOfTheLastWorkingDayTheGroupIsRemindedWithoutPersonalDataAndTheTaskStaysOpen() {
        RegisterFixtures.Reissued r = fixtures.reissuedCertificate(employerBin);
        ProcessInstance pi = instance(r);
        runJob(pi);
        Job reminder = timer(pi, "Event_UpdateReminder");
        assertThat(reminder.getDuedate()).isEqualTo(at("2026-03-30T09:00:00+05:00"));

        ClockUtil.setCurrentTime(at("2026-03-30T09:00:01+05:00"));
        managementService.executeJob(reminder.getId());

        assertThat(pi).hasPassed("Task_RemindUpdate", "End_Reminded").isWaitingAt(TASK_UPDATE_REGISTER);
        List<Map<String, Object>> sent = outbox(r.certificateId());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).containsEntry("CHANNEL", "GROUP")
                .containsEntry("RECIPIENT", HrSpecialists.group(employerBin));
        assertThat((String) sent.get(0).get("BODY")).contains(r.certificateId(), "2026-03-30")
                .doesNotContain(r.iin(), RegisterFixtures.NEW_NAME);
        assertThat(updates.find(r.certificateId()).orElseThrow().remindedAt())
                .isEqualTo(at("2026-03-30T09:00:01+05:00").toInstant());
        assertThat(timer(pi, "Event_UpdateReminder")).isNull();
        assertThat(timer(pi, "Event_UpdateDeadline")).isNotNull();
    }

    @Test
    void whenTheTermHasPassedTheManagersAreToldAndTheTaskStaysOpenUntilDone() {
        RegisterFixtures.Reissued r = fixtures.reissuedCertificate(employerBin);
        ProcessInstance pi = instance(r);
        runJob(pi);
        Job deadline = timer(pi, "Event_UpdateDeadline");
        assertThat(deadline.getDuedate()).isEqualTo(endOf("2026-03-30"));

        ClockUtil.setCurrentTime(at("2026-03-31T00:00:01+05:00"));
        managementService.executeJob(deadline.getId());

        assertThat(pi).hasPassed("Task_EscalateUpdate", "End_Escalated").isWaitingAt(TASK_UPDATE_REGISTER);
        List<Map<String, Object>> sent = outbox(r.certificateId());
        assertThat(sent).extracting(m -> m.get("RECIPIENT")).contains(Roles.MANAGERS);
        assertThat(sent).allSatisfy(m -> assertThat((String) m.get("BODY")).doesNotContain(r.iin()));
        RegisterUpdates.Update late = updates.find(r.certificateId()).orElseThrow();
        assertThat(late.escalatedAt()).isEqualTo(at("2026-03-31T00:00:01+05:00").toInstant());
        assertThat(late.outcome()).isEqualTo(RegisterUpdates.Outcome.OPEN);

        Task task = task(pi);
        taskService.claim(task.getId(), "hr-late-user");
        taskService.complete(task.getId(), Map.of(ENTRY_NUMBER, "PR-7", ENTRY_DATE, "2026-03-31"));
        assertThat(pi).isEnded().hasPassed(END_UPDATED);
        assertThat(updates.find(r.certificateId()).orElseThrow().outcome()).isEqualTo(RegisterUpdates.Outcome.UPDATED);
    }

    @Test
    void withoutAnEmployerInThePersonRegistryNoTaskIsCreatedAndTheOutcomeIsNoEmployer() {
        RegisterFixtures.Reissued r = fixtures.reissuedCertificate(null);
        ProcessInstance pi = instance(r);
        runJob(pi);

        assertThat(pi).isEnded().hasPassed("Task_FindEmployer", END_NO_EMPLOYER).hasNotPassed(TASK_UPDATE_REGISTER);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        RegisterUpdates.Update none = updates.find(r.certificateId()).orElseThrow();
        assertThat(none.outcome()).isEqualTo(RegisterUpdates.Outcome.NO_EMPLOYER);
        assertThat(none.employerBin()).isNull();
        assertThat(none.personIin()).isEqualTo(r.iin());
        assertThat(erasure.instancesOf(r.iin())).as("erasure on request finds it by the worker").contains(pi.getId());
    }

    @Test
    void onlyAnIndividualsSpecialistCertificateIsHandedOverAndOnlyOnce() {
        RegisterFixtures.Reissued pathogens = fixtures.reissued(employerBin, 4);
        assertThat(pathogens.processInstanceId()).as("service 4 is no specialist certificate").isNull();
        assertThat(updates.find(pathogens.certificateId())).isEmpty();

        RegisterFixtures.Reissued r = fixtures.reissuedCertificate(employerBin);
        assertThat(r.processInstanceId()).isNotNull();
        assertThat(handOff.afterReissue(r.recipientKey())).as("a repeated hand-off (a retried job)").isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(r.certificateId()).count()).isEqualTo(1);
    }

    ProcessInstance instance(RegisterFixtures.Reissued r) {
        assertThat(r.processInstanceId()).as("started by the hand-off").isNotNull();
        return runtimeService.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult();
    }

    void runJob(ProcessInstance pi) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_FindEmployer")
                .singleResult();
        managementService.executeJob(job.getId());
    }

    Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_UPDATE_REGISTER)
                .singleResult();
    }

    Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
    }

    List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    List<Map<String, Object>> outbox(String certificateId) {
        return jdbc.queryForList("SELECT channel, recipient, body FROM notification_outbox WHERE message_key LIKE ?"
                + " ORDER BY id", "professional-register:" + certificateId + ":%");
    }

    static Date at(String iso) {
        return Date.from(OffsetDateTime.parse(iso).toInstant());
    }

    static Date endOf(String day) {
        return at(day + "T23:59:59.999+05:00");
    }
}
