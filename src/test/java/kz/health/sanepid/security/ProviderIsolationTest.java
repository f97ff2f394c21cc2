package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.complaint.ProviderTaskGroups;
import kz.health.sanepid.reissuance.SduFixtures;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Providers see their own complaints only (issue 14): two providers with an officer each, and a complaint against
 * each at the provider's 3-day first review; every read and every work of one officer on the other provider's complaint is refused, over {@code /api},
 * {@code /engine-rest} and Tasklist's API, both ways; each officer works their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderIsolationTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ComplaintRegistration registration;
    @Autowired ProviderOfficers providerOfficers;
    @Autowired SduFixtures sdu;
    @Autowired ProviderTaskGroups providerTaskGroups;

    /** The two providers' officers; each one's complaint and task are the other's "foreign" ones. */
    enum Officer {
        A("sec-provider-a"), B("sec-provider-b");

        final String userId;
        String bin;
        String applicantIin;
        String complaintId;
        String processInstanceId;
        String taskId;

        Officer(String userId) {
            this.userId = userId;
        }

        Officer other() {
            return this == A ? B : A;
        }
    }

    @BeforeAll
    void twoProvidersWithAnOfficerAndAComplaintEach() {
        for (Officer officer : Officer.values()) {
            if (identityService.createUserQuery().userId(officer.userId).count() == 0) {
                User user = identityService.newUser(officer.userId);
                user.setPassword(SecurityTestUsers.PASSWORD);
                identityService.saveUser(user);
            }
            officer.bin = sdu.newBin();
            providerOfficers.enrol(officer.userId, officer.bin);
            officer.applicantIin = sdu.person().iin();
            ComplaintRegistration.Registered registered = registration.register(new ComplaintRequest(
                    officer.applicantIin, "Synthetic Applicant", "+77080000003", null, "2", officer.bin, "DECISION",
                    "Refusal", "Issue it", List.of("refusal.pdf"), "REVIEWING_BODY", "AUTHORISED_BODY", null));
            officer.complaintId = registered.complaintId();
            officer.processInstanceId = registered.processInstanceId();
            officer.taskId = taskService.createTaskQuery().processInstanceId(registered.processInstanceId())
                    .taskDefinitionKey(ComplaintProcess.TASK_FIRST_REVIEW).singleResult().getId();
        }
    }

    @ParameterizedTest
    @EnumSource(Officer.class)
    void anOfficerSeesTheirOwnProvidersComplaintAndNotTheOthers(Officer me) {
        Officer other = me.other();
        // task lists: /engine-rest and Tasklist's API
        assertThat(ids(get(me, "/engine-rest/task?processDefinitionKey=" + ComplaintProcess.KEY + "&maxResults=1000")))
                .contains(me.taskId).doesNotContain(other.taskId);
        WebappSession tasklist = WebappSession.logIn(http, me.userId, "tasklist");
        assertThat(ids(tasklist.get("/camunda/api/engine/engine/default/task?processDefinitionKey="
                + ComplaintProcess.KEY + "&maxResults=1000"))).contains(me.taskId).doesNotContain(other.taskId);
        ResponseEntity<String> othersForm = tasklist.get("/camunda/api/engine/engine/default/task/" + other.taskId
                + "/form-variables");
        assertThat(othersForm.getStatusCode().value()).isIn(403, 404);
        assertThat(othersForm.getBody()).doesNotContain(other.applicantIin);
        assertThat(ids(get(me, "/engine-rest/task?candidateGroup=" + ProviderOfficers.group(other.bin)))).isEmpty();
        // the other's task, its variables, form and instance: not found or refused, and never their applicant
        for (String path : List.of("/engine-rest/task/" + other.taskId,
                "/engine-rest/task/" + other.taskId + "/variables",
                "/engine-rest/task/" + other.taskId + "/form-variables",
                "/engine-rest/task/" + other.taskId + "/identity-links",
                "/engine-rest/process-instance/" + other.processInstanceId,
                "/engine-rest/process-instance/" + other.processInstanceId + "/variables")) {
            ResponseEntity<String> answer = get(me, path);
            assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isIn(403, 404);
            assertThat(answer.getBody()).doesNotContain(other.applicantIin);
        }
        for (String path : List.of("/engine-rest/history/process-instance?processInstanceId=" + other.processInstanceId,
                "/engine-rest/history/task?processInstanceId=" + other.processInstanceId,
                "/engine-rest/history/variable-instance?processInstanceId=" + other.processInstanceId,
                "/engine-rest/process-instance?processInstanceIds=" + other.processInstanceId)) {
            ResponseEntity<String> answer = get(me, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(read(answer.getBody())).as(path).isEmpty();
        }
        // my own task's form: readable (and audited, security/EngineReadsTest)
        ResponseEntity<String> mine = get(me, "/engine-rest/task/" + me.taskId + "/form-variables");
        assertThat(mine.getStatusCode().value()).as(mine.getBody()).isEqualTo(200);
        // /api: the other provider's complaint is refused, mine is answered
        assertThat(get(me, "/api/complaints/" + other.complaintId).getStatusCode().value()).isEqualTo(403);
        assertThat(get(me, "/api/complaints/" + me.complaintId).getStatusCode().value()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Officer.class)
    void anOfficerWorksTheirOwnProvidersComplaintAndCannotWorkTheOthers(Officer me) {
        Officer other = me.other();
        Map<String, Object> decision = Map.of("variables", Map.of(
                ComplaintProcess.PROVIDER_ACTION, Map.of("value", ComplaintProcess.ACTION_FORWARD, "type", "String"),
                ComplaintProcess.CASE_DOCUMENTS, Map.of("value", "application.pdf", "type", "String")));
        assertThat(post(me, "/engine-rest/task/" + other.taskId + "/claim", Map.of("userId", me.userId))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(post(me, "/engine-rest/task/" + other.taskId + "/complete", decision).getStatusCode().value())
                .isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(other.taskId).singleResult().getAssignee()).isNull();
        // my own: claimed and completed
        String myTask = freshTask(me);
        assertThat(post(me, "/engine-rest/task/" + myTask + "/claim", Map.of("userId", me.userId))
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> done = post(me, "/engine-rest/task/" + myTask + "/complete", decision);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(myTask).count()).isZero();
        assertThat(taskService.createTaskQuery().taskId(other.taskId).count()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void anOpenTaskOfAnExistingDatabaseMovesFromAllProvidersToItsOwnProvidersGroup() {
        String task = freshTask(Officer.A);
        taskService.deleteCandidateGroup(task, ProviderOfficers.group(Officer.A.bin)); // as created before the change
        taskService.addCandidateGroup(task, Roles.PROVIDER_OFFICERS);
        assertThat(ids(get(Officer.B, "/engine-rest/task?processDefinitionKey=" + ComplaintProcess.KEY
                + "&maxResults=1000"))).as("the old shared group: every provider sees it").contains(task);

        assertThat(providerTaskGroups.moveToTheProvidersGroups()).isEqualTo(1);

        assertThat(ids(get(Officer.B, "/engine-rest/task?processDefinitionKey=" + ComplaintProcess.KEY
                + "&maxResults=1000"))).doesNotContain(task);
        assertThat(ids(get(Officer.A, "/engine-rest/task?processDefinitionKey=" + ComplaintProcess.KEY
                + "&maxResults=1000"))).contains(task);
    }

    @org.junit.jupiter.api.Test
    void anOpenHeadsTaskOfAnExistingDatabaseMovesFromAllHeadsToItsOwnProvidersHead() {
        ComplaintRegistration.Registered registered = registration.register(new ComplaintRequest(sdu.person().iin(),
                "Synthetic Applicant", "+77080000005", null, "2", Officer.A.bin, "DECISION", "Refusal", "Issue it",
                List.of("refusal.pdf"), "HEAD_OF_PROVIDER", null, null));
        String task = taskService.createTaskQuery().processInstanceId(registered.processInstanceId()).singleResult()
                .getId();
        assertThat(groups(task)).containsExactly(ProviderOfficers.headGroup(Officer.A.bin));
        taskService.deleteCandidateGroup(task, ProviderOfficers.headGroup(Officer.A.bin)); // as created before
        taskService.addCandidateGroup(task, Roles.PROVIDER_HEADS);

        assertThat(providerTaskGroups.moveToTheProvidersGroups()).isEqualTo(1);

        assertThat(groups(task)).containsExactly(ProviderOfficers.headGroup(Officer.A.bin));
    }

    List<String> groups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(l -> l.getGroupId())
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A second complaint against my provider, so that completing it leaves the fixtures for the other test. */
    String freshTask(Officer me) {
        ComplaintRegistration.Registered registered = registration.register(new ComplaintRequest(sdu.person().iin(),
                "Synthetic Applicant", "+77080000004", null, "2", me.bin, "DECISION", "Refusal", "Issue it",
                List.of("refusal.pdf"), "REVIEWING_BODY", "AUTHORISED_BODY", null));
        return taskService.createTaskQuery().processInstanceId(registered.processInstanceId()).singleResult().getId();
    }

    ResponseEntity<String> get(Officer officer, String path) {
        return http.withBasicAuth(officer.userId, SecurityTestUsers.PASSWORD).getForEntity(path, String.class);
    }

    ResponseEntity<String> post(Officer officer, String path, Object body) {
        return RestCalls.call(http, officer.userId, HttpMethod.POST, path, body);
    }

    static List<String> ids(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return read(answer.getBody()).findValuesAsText("id");
    }

    static JsonNode read(String body) {
        return RestCalls.read(body);
    }
}
