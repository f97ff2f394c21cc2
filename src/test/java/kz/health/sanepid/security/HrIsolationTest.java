package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.health.sanepid.professionalregister.ProfessionalRegisterProcess;
import kz.health.sanepid.professionalregister.RegisterFixtures;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * HR specialists work their own employer's professional-register updates only (order No. 66 item 9;
 * docs/ACCESS.md "HR specialists"): two employers with an HR specialist and an update task each; every read and
 * every work of one on the other's task is refused over {@code /engine-rest} and Tasklist's API, both ways; the
 * other roles work none; the HR role has Tasklist only; the start message is the application's; the
 * {@code /api} read of the updates is the specialists' (full) and the managers' (masked), audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HrIsolationTest {

    static final String DEFINITION = ProfessionalRegisterProcess.KEY;

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HrSpecialists hrSpecialists;
    @Autowired RegisterFixtures register;
    @Autowired SduFixtures sdu;
    @Autowired JdbcTemplate jdbc;

    enum Hr {
        A("sec-hr-a"), B("sec-hr-b");

        final String userId;
        String bin;
        RegisterFixtures.Reissued reissued;
        String taskId;

        Hr(String userId) {
            this.userId = userId;
        }

        Hr other() {
            return this == A ? B : A;
        }
    }

    RegisterFixtures.Reissued withoutEmployer;

    @BeforeAll
    void twoEmployersWithAnHrSpecialistAndAnUpdateEach() {
        SecurityTestUsers.create(identityService);
        for (Hr hr : Hr.values()) {
            if (identityService.createUserQuery().userId(hr.userId).count() == 0) {
                User user = identityService.newUser(hr.userId);
                user.setPassword(SecurityTestUsers.PASSWORD);
                identityService.saveUser(user);
            }
            hr.bin = sdu.newBin();
            hrSpecialists.enrol(hr.userId, hr.bin);
            hr.reissued = register.reissuedCertificate(hr.bin);
            hr.taskId = openTask(hr.reissued);
        }
        withoutEmployer = register.reissuedCertificate(null);
        Job job = managementService.createJobQuery().processInstanceId(withoutEmployer.processInstanceId())
                .singleResult();
        managementService.executeJob(job.getId());
    }

    @ParameterizedTest
    @EnumSource(Hr.class)
    void anHrSpecialistSeesTheirOwnEmployersTaskAndNotTheOthers(Hr me) {
        Hr other = me.other();
        assertThat(ids(get(me.userId, "/engine-rest/task?processDefinitionKey=" + DEFINITION + "&maxResults=1000")))
                .contains(me.taskId).doesNotContain(other.taskId);
        WebappSession tasklist = WebappSession.logIn(http, me.userId, "tasklist");
        assertThat(ids(tasklist.get("/camunda/api/engine/engine/default/task?processDefinitionKey=" + DEFINITION
                + "&maxResults=1000"))).contains(me.taskId).doesNotContain(other.taskId);
        ResponseEntity<String> othersForm = tasklist.get("/camunda/api/engine/engine/default/task/" + other.taskId
                + "/form-variables");
        assertThat(othersForm.getStatusCode().value()).isIn(403, 404);
        assertThat(othersForm.getBody()).doesNotContain(other.reissued.iin());
        assertThat(ids(get(me.userId, "/engine-rest/task?candidateGroup=" + HrSpecialists.group(other.bin)))).isEmpty();
        for (String path : List.of("/engine-rest/task/" + other.taskId,
                "/engine-rest/task/" + other.taskId + "/variables",
                "/engine-rest/task/" + other.taskId + "/form-variables",
                "/engine-rest/process-instance/" + other.reissued.processInstanceId(),
                "/engine-rest/process-instance/" + other.reissued.processInstanceId() + "/variables")) {
            ResponseEntity<String> answer = get(me.userId, path);
            assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isIn(403, 404);
            assertThat(answer.getBody()).doesNotContain(other.reissued.iin());
        }
        // no instance reads at all, not even of their own employer's updates: the task is their whole view
        for (String path : List.of("/engine-rest/process-instance?processDefinitionKey=" + DEFINITION,
                "/engine-rest/history/process-instance?processDefinitionKey=" + DEFINITION,
                "/engine-rest/history/variable-instance?processInstanceId=" + me.reissued.processInstanceId())) {
            ResponseEntity<String> answer = get(me.userId, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(read(answer.getBody())).as(path).isEmpty();
        }
        // my own task's form shows whom the change concerns
        ResponseEntity<String> mine = get(me.userId, "/engine-rest/task/" + me.taskId + "/form-variables");
        assertThat(mine.getStatusCode().value()).as(mine.getBody()).isEqualTo(200);
        assertThat(mine.getBody()).contains(me.reissued.iin(), RegisterFixtures.NEW_NAME);
        // the application's /api is not theirs
        assertThat(get(me.userId, "/api/professional-register/updates").getStatusCode().value()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Hr.class)
    void anHrSpecialistWorksTheirOwnEmployersTaskAndCannotWorkTheOthers(Hr me) {
        Hr other = me.other();
        assertThat(post(me.userId, "/engine-rest/task/" + other.taskId + "/claim", Map.of("userId", me.userId))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(post(me.userId, "/engine-rest/task/" + other.taskId + "/complete", entry("2026-09-14"))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(other.taskId).singleResult().getAssignee()).isNull();

        String myTask = openTask(register.reissuedCertificate(me.bin));
        assertThat(post(me.userId, "/engine-rest/task/" + myTask + "/claim", Map.of("userId", me.userId))
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> forged = post(me.userId, "/engine-rest/task/" + myTask + "/complete", Map.of(
                "variables", Map.of("employerBin", Map.of("value", other.bin, "type", "String"))));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
        String today = java.time.LocalDate.now(kz.health.sanepid.calendar.WorkingDayCalendar.ZONE).toString();
        ResponseEntity<String> done = post(me.userId, "/engine-rest/task/" + myTask + "/complete", entry(today));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(myTask).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT updated_by FROM professional_register_update WHERE process_instance_id"
                + " = (SELECT proc_inst_id_ FROM act_hi_taskinst WHERE id_ = ?)", String.class, myTask))
                .isEqualTo(me.userId);
        assertThat(taskService.createTaskQuery().taskId(other.taskId).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PROVIDER", "HEAD", "REVIEWER", "SPECIALIST", "DPO", "MANAGER"})
    void noOtherRoleWorksAnHrTask(Role role) {
        for (Hr hr : Hr.values()) {
            assertThat(post(role.userId, "/engine-rest/task/" + hr.taskId + "/claim", Map.of("userId", role.userId))
                    .getStatusCode().value()).as(role + " claims").isIn(403, 404);
            assertThat(post(role.userId, "/engine-rest/task/" + hr.taskId + "/complete", entry("2026-09-14"))
                    .getStatusCode().value()).as(role + " completes").isIn(403, 404);
            assertThat(taskService.createTaskQuery().taskId(hr.taskId).singleResult().getAssignee()).isNull();
        }
        if (role != Role.MANAGER) { // managers read every task, read only (docs/ACCESS.md)
            assertThat(ids(get(role.userId, "/engine-rest/task?processDefinitionKey=" + DEFINITION))).isEmpty();
        }
    }

    @Test
    void theHrRoleHasTasklistOnlyAndStartsNothing() {
        List<String> groups = List.of(Roles.HR_SPECIALISTS, HrSpecialists.group(Hr.A.bin));
        assertThat(authorizationService.isUserAuthorized(Hr.A.userId, groups, Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        for (String app : List.of("cockpit", "admin")) {
            assertThat(authorizationService.isUserAuthorized(Hr.A.userId, groups, Permissions.ACCESS,
                    Resources.APPLICATION, app)).as(app).isFalse();
        }
        assertThat(post(Hr.A.userId, "/engine-rest/process-definition/key/" + DEFINITION + "/start", Map.of())
                .getStatusCode().value()).isIn(403, 404);
        // the start message is the application's own, refused even to an administrator
        for (String user : List.of(Hr.A.userId, Role.SPECIALIST.userId, Role.ADMIN.userId)) {
            ResponseEntity<String> message = post(user, "/engine-rest/message", Map.of("messageName",
                    ProfessionalRegisterProcess.START_MESSAGE, "businessKey", "FORGED-1"));
            assertThat(message.getStatusCode().value()).as(user + ": " + message.getBody()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = 'FORGED-1'",
                Integer.class)).isZero();
    }

    @Test
    void theSpecialistsSeeTheUpdatesWithoutEmployerInFullTheManagersMaskedAndEveryReadIsAudited() {
        String iin = withoutEmployer.iin();
        ResponseEntity<String> specialist = get(Role.SPECIALIST.userId,
                "/api/professional-register/updates?outcome=NO_EMPLOYER&size=200");
        assertThat(specialist.getStatusCode().value()).as(specialist.getBody()).isEqualTo(200);
        JsonNode item = item(read(specialist.getBody()), withoutEmployer.certificateId());
        assertThat(item.path("personIin").asText()).isEqualTo(iin);
        assertThat(item.path("outcome").asText()).isEqualTo("NO_EMPLOYER");
        assertThat(item.path("employerBin").asText(null)).as("no employer").isNull();
        assertThat(audited(Role.SPECIALIST.userId, iin)).isPositive();

        ResponseEntity<String> manager = get(Role.MANAGER.userId,
                "/api/professional-register/updates?outcome=NO_EMPLOYER&size=200");
        assertThat(manager.getStatusCode().value()).isEqualTo(200);
        assertThat(manager.getBody()).doesNotContain(iin);
        assertThat(item(read(manager.getBody()), withoutEmployer.certificateId()).path("personIin").asText())
                .isNotEqualTo(iin).contains("*");
        assertThat(audited(Role.MANAGER.userId, iin)).isPositive();

        ResponseEntity<String> one = get(Role.SPECIALIST.userId,
                "/api/professional-register/updates/" + withoutEmployer.certificateId());
        assertThat(one.getStatusCode().value()).isEqualTo(200);
        assertThat(read(one.getBody()).path("personIin").asText()).isEqualTo(iin);
        assertThat(get(Role.MANAGER.userId, "/api/professional-register/updates/" + withoutEmployer.certificateId())
                .getStatusCode().value()).isEqualTo(403);
        for (Role refused : List.of(Role.PROVIDER, Role.HEAD, Role.REVIEWER, Role.DPO)) {
            assertThat(get(refused.userId, "/api/professional-register/updates").getStatusCode().value())
                    .as(refused.name()).isEqualTo(403);
        }
        assertThat(get(Role.SPECIALIST.userId, "/api/professional-register/updates?outcome=LOST").getStatusCode()
                .value()).isEqualTo(400);
        assertThat(get(Role.SPECIALIST.userId, "/api/professional-register/updates?size=0").getStatusCode().value())
                .isEqualTo(400);
        assertThat(get(Role.SPECIALIST.userId, "/api/professional-register/updates/NO-SUCH-1").getStatusCode()
                .value()).isEqualTo(404);
    }

    String openTask(RegisterFixtures.Reissued reissued) {
        Job job = managementService.createJobQuery().processInstanceId(reissued.processInstanceId()).singleResult();
        managementService.executeJob(job.getId());
        return taskService.createTaskQuery().processInstanceId(reissued.processInstanceId()).singleResult().getId();
    }

    static Map<String, Object> entry(String day) {
        return Map.of("variables", Map.of(
                ProfessionalRegisterProcess.ENTRY_NUMBER, Map.of("value", "PR-2026/7", "type", "String"),
                ProfessionalRegisterProcess.ENTRY_DATE, Map.of("value", day, "type", "String")));
    }

    long audited(String reader, String iin) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_read WHERE reader = ? AND subject_iin = ?"
                + " AND endpoint LIKE '/api/professional-register/%'", Long.class, reader, iin);
    }

    static JsonNode item(JsonNode page, String certificateId) {
        for (JsonNode item : page.path("items")) {
            if (certificateId.equals(item.path("certificateId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + certificateId + " in " + page);
    }

    ResponseEntity<String> get(String userId, String path) {
        return http.withBasicAuth(userId, SecurityTestUsers.PASSWORD).getForEntity(path, String.class);
    }

    ResponseEntity<String> post(String userId, String path, Object body) {
        return RestCalls.call(http, userId, HttpMethod.POST, path, body);
    }

    static List<String> ids(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return read(answer.getBody()).findValuesAsText("id");
    }

    static JsonNode read(String body) {
        return RestCalls.read(body);
    }
}
