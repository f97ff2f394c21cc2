package kz.health.sanepid.security;

import static kz.health.sanepid.security.SecurityTestUsers.Role.ADMIN;
import static kz.health.sanepid.security.SecurityTestUsers.Role.DPO;
import static kz.health.sanepid.security.SecurityTestUsers.Role.HEAD;
import static kz.health.sanepid.security.SecurityTestUsers.Role.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.disclosure.DisclosureProcess;
import kz.health.sanepid.disclosure.DisclosureStatus;
import kz.health.sanepid.disclosure.Disclosures;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * The engine's write doors (issue 14; docs/ACCESS.md "Engine write doors"), over {@code /engine-rest}: every side
 * door that moves a process other than through a task's form is refused (403) to every role but the administrator
 * and changes nothing; the gateway-only messages are refused to everyone, the administrator included; task
 * completion takes only the form's fields; candidates hold TASK_WORK, not UPDATE. With the named regressions of the
 * exploits 1 and 3 of the issue, each of which worked on the code before this change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineWriteDoorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED = "secForged";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired AuthorizationService authorizationService;
    @Autowired ComplaintRegistration registration;
    @Autowired Disclosures disclosures;
    @Autowired SduFixtures sdu;
    @Autowired ProviderOfficers providerOfficers;
    @Autowired JdbcTemplate jdbc;

    String subjectIin;
    String providerBin;
    String complaintInstance;
    String complaintTask;
    String complaintDefinition;
    String recipientJob;
    String recipientJobDefinition;
    List<String> batchesBefore;

    /** A write door: the request, and whether the administrator may pass it. */
    record Door(String name, boolean administrators, Function<Role, ResponseEntity<String>> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void fixtures() {
        SecurityTestUsers.create(identityService);
        batchesBefore = managementService.createBatchQuery().list().stream().map(b -> b.getId()).toList();
        subjectIin = IdentificationNumbers.withCheckDigit("8502023" + "0051");
        for (int i = 52; subjectIin == null || !IdentificationNumbers.isValidIin(subjectIin); i++) {
            subjectIin = IdentificationNumbers.withCheckDigit("8502023" + String.format("%04d", i));
        }
        providerBin = sdu.newBin();
        providerOfficers.enrolHead(HEAD.userId, providerBin); // the head decides the complaints of their provider
        ComplaintRegistration.Registered registered = registration.register(complaint());
        complaintInstance = registered.processInstanceId();
        complaintTask = task(complaintInstance, ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getId();
        complaintDefinition = runtimeService.createProcessInstanceQuery().processInstanceId(complaintInstance)
                .singleResult().getProcessDefinitionId();
        String businessKey = sdu.offer(sdu.person(), "Renamed Write Doors LLP");
        String recipient = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(recipient).singleResult();
        recipientJob = job.getId();
        recipientJobDefinition = job.getJobDefinitionId();
    }

    @AfterAll
    void cleanUp() {
        managementService.createBatchQuery().list().stream().filter(b -> !batchesBefore.contains(b.getId()))
                .forEach(b -> managementService.deleteBatch(b.getId(), true));
        for (Role role : Role.values()) {
            historyService.createHistoricProcessInstanceQuery().startedBy(role.userId).unfinished().list()
                    .forEach(h -> runtimeService.deleteProcessInstanceIfExists(h.getId(), "write doors test", true,
                            true, true, true));
        }
    }

    // --- the side doors, per role

    Stream<Arguments> doorsByRole() {
        List<Arguments> arguments = new ArrayList<>();
        for (Door door : doors()) {
            for (Role role : Role.values()) { // the administrator last: a door it passes may change the fixtures
                arguments.add(Arguments.of(door, role));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("doorsByRole")
    void everySideDoorIsTheAdministratorsOnly(Door door, Role role) {
        ResponseEntity<String> answer = door.call().apply(role);
        int status = answer.getStatusCode().value();
        if (role == ADMIN && door.administrators()) {
            assertThat(status).as("%s as %s: %s", door, role, answer.getBody()).isNotIn(401, 403);
            forged().list().forEach(v -> {
                if (v.getTaskId() != null) {
                    taskService.removeVariableLocal(v.getTaskId(), FORGED);
                } else {
                    runtimeService.removeVariableLocal(v.getExecutionId(), FORGED);
                }
            });
        } else {
            boolean hidden = status == 404 && answer.getBody().contains("No matching process definition");
            assertThat(hidden || status == 403).as("%s as %s refused: %s", door, role, answer.getBody()).isTrue();
            assertThat(forged().count()).as("a refused door writes nothing").isZero();
        }
    }

    org.camunda.bpm.engine.runtime.VariableInstanceQuery forged() {
        return runtimeService.createVariableInstanceQuery().processInstanceIdIn(complaintInstance).variableName(FORGED);
    }

    List<Door> doors() {
        List<Door> doors = new ArrayList<>();
        Map<String, Object> forged = Map.of("value", "x", "type", "String");
        Map<String, Object> modifications = Map.of("modifications", Map.of(FORGED, forged));
        String pi = "/engine-rest/process-instance/" + complaintInstance;
        String ex = "/engine-rest/execution/" + complaintInstance;
        String task = "/engine-rest/task/" + complaintTask;
        // variables of instances, executions and tasks, local or not
        doors.add(door("PUT process-instance variable", r -> call(r, HttpMethod.PUT, pi + "/variables/" + FORGED, forged)));
        doors.add(door("POST process-instance variables", r -> call(r, HttpMethod.POST, pi + "/variables", modifications)));
        doors.add(door("DELETE process-instance variable", r -> call(r, HttpMethod.DELETE, pi + "/variables/complaintId", null)));
        doors.add(door("PUT execution local variable", r -> call(r, HttpMethod.PUT, ex + "/localVariables/" + FORGED, forged)));
        doors.add(door("POST execution local variables", r -> call(r, HttpMethod.POST, ex + "/localVariables", modifications)));
        doors.add(door("DELETE execution local variable", r -> call(r, HttpMethod.DELETE, ex + "/localVariables/complaintId", null)));
        doors.add(door("PUT task variable", r -> call(r, HttpMethod.PUT, task + "/variables/" + FORGED, forged)));
        doors.add(door("POST task variables", r -> call(r, HttpMethod.POST, task + "/variables", modifications)));
        doors.add(door("DELETE task variable", r -> call(r, HttpMethod.DELETE, task + "/variables/complaintId", null)));
        doors.add(door("PUT task local variable", r -> call(r, HttpMethod.PUT, task + "/localVariables/" + FORGED, forged)));
        doors.add(door("POST task local variables", r -> call(r, HttpMethod.POST, task + "/localVariables", modifications)));
        doors.add(door("POST process-instance variables-async", r -> call(r, HttpMethod.POST,
                "/engine-rest/process-instance/variables-async", Map.of("processInstanceIds", List.of(complaintInstance),
                        "variables", Map.of(FORGED, forged)))));
        // messages and signals
        doors.add(door("POST message", r -> call(r, HttpMethod.POST, "/engine-rest/message", Map.of("messageName",
                "ComplaintForwardingOverdueResolved", "processInstanceId", complaintInstance))));
        doors.add(door("POST signal", r -> call(r, HttpMethod.POST, "/engine-rest/signal", Map.of("name", "sec-signal"))));
        // start in the middle, restart, migration
        doors.add(door("POST start with startInstructions", r -> call(r, HttpMethod.POST,
                "/engine-rest/process-definition/key/" + AccessMatrix.COMPLAINT + "/start", Map.of("startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", ComplaintProcess.TASK_REVIEW_BY_PROVIDER)),
                        "skipCustomListeners", true, "skipIoMappings", true))));
        doors.add(door("POST process-definition restart", r -> call(r, HttpMethod.POST, "/engine-rest/process-definition/"
                + complaintDefinition + "/restart", Map.of("processInstanceIds", List.of(complaintInstance),
                "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                        ComplaintProcess.TASK_REVIEW_BY_PROVIDER))))));
        doors.add(door("POST migration execute", r -> call(r, HttpMethod.POST, "/engine-rest/migration/execute", Map.of(
                "migrationPlan", Map.of("sourceProcessDefinitionId", complaintDefinition, "targetProcessDefinitionId",
                        complaintDefinition, "instructions", List.of()), "processInstanceIds", List.of("sec-none")))));
        // jobs, job definitions, incidents, external tasks, batches
        String job = "/engine-rest/job/" + recipientJob;
        doors.add(door("PUT job retries", r -> call(r, HttpMethod.PUT, job + "/retries", Map.of("retries", 3))));
        doors.add(door("PUT job duedate", r -> call(r, HttpMethod.PUT, job + "/duedate", Map.of("duedate",
                "2026-12-01T10:00:00.000+0500"))));
        doors.add(door("PUT job priority", r -> call(r, HttpMethod.PUT, job + "/priority", Map.of("priority", 5))));
        doors.add(door("PUT job suspended", r -> call(r, HttpMethod.PUT, job + "/suspended", Map.of("suspended", false))));
        doors.add(door("POST job execute", r -> call(r, HttpMethod.POST, "/engine-rest/job/" + (r == ADMIN ? "sec-none"
                : recipientJob) + "/execute", null)));
        doors.add(door("PUT job-definition suspended", r -> call(r, HttpMethod.PUT, "/engine-rest/job-definition/"
                + (r == ADMIN ? "sec-none" : recipientJobDefinition) + "/suspended", Map.of("suspended", false))));
        doors.add(door("PUT job-definition retries", r -> call(r, HttpMethod.PUT, "/engine-rest/job-definition/"
                + (r == ADMIN ? "sec-none" : recipientJobDefinition) + "/retries", Map.of("retries", 3))));
        doors.add(door("POST execution create-incident", r -> call(r, HttpMethod.POST, ex + "/create-incident",
                Map.of("incidentType", "sec-incident", "configuration", "write doors"))));
        doors.add(door("DELETE incident (resolve)", r -> call(r, HttpMethod.DELETE, "/engine-rest/incident/sec-none", null)));
        doors.add(door("PUT incident annotation", r -> call(r, HttpMethod.PUT, "/engine-rest/incident/sec-none/annotation",
                Map.of("annotation", "x"))));
        doors.add(door("POST external-task fetchAndLock", r -> call(r, HttpMethod.POST,
                "/engine-rest/external-task/fetchAndLock", Map.of("workerId", "sec", "maxTasks", 1, "topics",
                        List.of(Map.of("topicName", "sec-topic", "lockDuration", 1000))))));
        doors.add(door("POST external-task complete", r -> call(r, HttpMethod.POST,
                "/engine-rest/external-task/sec-none/complete", Map.of("workerId", "sec"))));
        doors.add(door("PUT external-task retries", r -> call(r, HttpMethod.PUT, "/engine-rest/external-task/sec-none/retries",
                Map.of("retries", 1))));
        doors.add(door("POST process-instance delete (batch)", r -> call(r, HttpMethod.POST,
                "/engine-rest/process-instance/delete", Map.of("processInstanceIds", List.of(r == ADMIN ? "sec-none"
                        : complaintInstance), "deleteReason", "sec"))));
        doors.add(door("DELETE batch", r -> call(r, HttpMethod.DELETE, "/engine-rest/batch/sec-none", null)));
        doors.add(door("PUT batch suspended", r -> call(r, HttpMethod.PUT, "/engine-rest/batch/sec-none/suspended",
                Map.of("suspended", true))));
        // modification, suspension, deletion of the instance itself: last, the administrator passes them
        doors.add(door("POST process-instance modification", r -> call(r, HttpMethod.POST, pi + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                        ComplaintProcess.TASK_REVIEW_BY_PROVIDER))))));
        doors.add(door("PUT process-instance suspended", r -> call(r, HttpMethod.PUT, pi + "/suspended",
                Map.of("suspended", true))));
        doors.add(door("DELETE process-instance", r -> call(r, HttpMethod.DELETE, pi, null)));
        // the gateway-only messages: nobody, the administrator included
        for (String message : EngineWriteDoors.GATEWAY_ONLY_MESSAGES) {
            doors.add(new Door("POST message " + message + " (gateway only)", false, r -> call(r, HttpMethod.POST,
                    "/engine-rest/message", Map.of("messageName", message, "businessKey", "sec-none",
                            "all", true))));
        }
        return doors;
    }

    private static Door door(String name, Function<Role, ResponseEntity<String>> call) {
        return new Door(name, true, call);
    }

    // --- exploit 1: four-eyes on medical secrecy bypassed by one officer

    @Test
    void exploit1_oneOfficerCannotSkipTheSecondApprovalOverEngineRest() {
        String pi = registerFourEyesDisclosure();
        String review = claimAs(DPO, pi, DisclosureProcess.TASK_REVIEW_GROUND);
        ResponseEntity<String> forged = call(DPO, HttpMethod.POST, "/engine-rest/task/" + review + "/complete",
                Map.of("variables", Map.of("reviewDecision", string("CONFIRMED"),
                        "secondApprovalRequired", Map.of("value", false, "type", "Boolean"))));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
        assertThat(forged.getBody()).contains("secondApprovalRequired").contains("read-only");
        runJobs(pi);
        assertThat(task(pi, DisclosureProcess.TASK_REVIEW_GROUND)).as("the review stays open").isNotNull();
        assertThat(disclosure(pi).status()).isEqualTo(DisclosureStatus.RECEIVED.name());
        assertThat(disclosure(pi).reviewDecision()).as("nothing recorded").isNull();
    }

    @Test
    void exploit1_releasableCategoriesCannotBeWidenedOnTheReview() {
        String pi = registerFourEyesDisclosure("HARM_BY_UNLAWFUL_ACTS");
        assertThat(runtimeService.getVariable(pi, DisclosureProcess.WITHHELD_CATEGORIES)).isEqualTo("EXAMINATION_TREATMENT");
        String review = claimAs(DPO, pi, DisclosureProcess.TASK_REVIEW_GROUND);
        ResponseEntity<String> forged = call(DPO, HttpMethod.POST, "/engine-rest/task/" + review + "/complete",
                Map.of("variables", Map.of("reviewDecision", string("CONFIRMED"),
                        "releasableCategories", string("FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT"),
                        "allowedCategories", string("FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT"))));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
        assertThat(forged.getBody()).contains("releasableCategories").contains("allowedCategories");
        assertThat(task(pi, DisclosureProcess.TASK_REVIEW_GROUND)).isNotNull();
    }

    @Test
    void exploit1_theFirstOfficerCannotRenameThemselvesOnTheSecondApproval() {
        String pi = registerFourEyesDisclosure();
        String review = claimAs(DPO, pi, DisclosureProcess.TASK_REVIEW_GROUND);
        ResponseEntity<String> confirmed = call(DPO, HttpMethod.POST, "/engine-rest/task/" + review + "/complete",
                Map.of("variables", Map.of("reviewDecision", string("CONFIRMED"))));
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(204);
        Task approval = task(pi, DisclosureProcess.TASK_SECOND_APPROVAL);
        assertThat(approval).as("four eyes: the second approval waits").isNotNull();
        ResponseEntity<String> forged = call(DPO, HttpMethod.POST, "/engine-rest/task/" + approval.getId()
                + "/complete", Map.of("variables", Map.of("approvalDecision", string("APPROVED"),
                "reviewedBy", string("sec-someone-else"))));
        assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
        // even a first officer's id forged where no person can write it (here by the Java API) does not help
        runtimeService.setVariable(pi, DisclosureProcess.REVIEWED_BY, "sec-someone-else");
        ResponseEntity<String> again = call(DPO, HttpMethod.POST, "/engine-rest/task/" + approval.getId()
                + "/complete", Map.of("variables", Map.of("approvalDecision", string("APPROVED"))));
        assertThat(again.getStatusCode().value()).as(again.getBody()).isIn(400, 500).isNotEqualTo(204);
        runJobs(pi);
        assertThat(disclosure(pi).status()).isEqualTo(DisclosureStatus.RECEIVED.name());
        assertThat(task(pi, DisclosureProcess.TASK_SECOND_APPROVAL)).isNotNull();
    }

    @Test
    void exploit1_aForgedSecondApprovalVariableIsOverwrittenFromTheRequestsRow() {
        String pi = registerFourEyesDisclosure();
        // written where no person can write it (Java API, as the application): the gateway still needs four eyes
        runtimeService.setVariable(pi, DisclosureProcess.SECOND_APPROVAL_REQUIRED, false);
        String review = claimAs(DPO, pi, DisclosureProcess.TASK_REVIEW_GROUND);
        ResponseEntity<String> confirmed = call(DPO, HttpMethod.POST, "/engine-rest/task/" + review + "/complete",
                Map.of("variables", Map.of("reviewDecision", string("CONFIRMED"),
                        "secondApprovalRequired", Map.of("value", false, "type", "Boolean"))));
        assertThat(confirmed.getStatusCode().value()).as("the form shows false now: unchanged is accepted")
                .isEqualTo(204);
        runJobs(pi);
        assertThat(task(pi, DisclosureProcess.TASK_SECOND_APPROVAL)).as("the row says four eyes").isNotNull();
        assertThat(disclosure(pi).status()).isEqualTo(DisclosureStatus.RECEIVED.name());
    }

    // --- exploit 3: a process started in the middle

    @Test
    void exploit3_consentCannotBeStartedBeforeRecordGranted() {
        int consentsBefore = count("consent_event");
        ResponseEntity<String> answer = call(DPO, HttpMethod.POST, "/engine-rest/process-definition/key/"
                + AccessMatrix.CONSENT + "/start", Map.of("variables", Map.of("subjectIin", string(subjectIin),
                        "operatorBin", string(providerBin), "purpose", string("forged"), "dataCategories",
                        string("NAME"), "requesterKind", string("OPERATOR"), "channel", string("STATE_SERVICE")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RecordGranted")),
                "skipCustomListeners", true, "skipIoMappings", true));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
        assertThat(count("consent_event")).as("no forged consent").isEqualTo(consentsBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().startedBy(DPO.userId)
                .processDefinitionKey(AccessMatrix.CONSENT).count()).isZero();
    }

    @Test
    void exploit3_disclosureCannotBeStartedBeforeReleaseData() {
        String pending = registerFourEyesDisclosure();
        String disclosureId = disclosure(pending).id();
        ResponseEntity<String> answer = call(DPO, HttpMethod.POST, "/engine-rest/process-definition/key/"
                + AccessMatrix.DISCLOSURE + "/start", Map.of("variables", Map.of(
                        DisclosureProcess.DISCLOSURE_ID, string(disclosureId)),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
                        DisclosureProcess.TASK_RELEASE))));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
        assertThat(disclosures.find(disclosureId).status()).isEqualTo(DisclosureStatus.RECEIVED.name());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AccessMatrix.DISCLOSURE)
                .variableValueEquals(DisclosureProcess.DISCLOSURE_ID, disclosureId).count()).isEqualTo(1);
    }

    // --- task completion keeps to the form, at every door

    @Test
    void completionWithAFieldTheFormDoesNotDeclareIsRefusedAtEveryDoor() {
        ComplaintRegistration.Registered registered = registration.register(complaint());
        String taskId = task(registered.processInstanceId(), ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getId();
        Map<String, Object> fields = Map.of(ComplaintProcess.DECISION, string("REJECTED"),
                ComplaintProcess.DECISION_REASONS, string("no grounds"), FORGED, string("x"));
        for (String door : List.of("/complete", "/submit-form", "/resolve")) {
            ResponseEntity<String> answer = call(HEAD, HttpMethod.POST, "/engine-rest/task/" + taskId + door,
                    Map.of("variables", fields));
            assertThat(answer.getStatusCode().value()).as(door + ": " + answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody()).contains(FORGED).contains("not a field of form");
        }
        identityService.setAuthentication(HEAD.userId, List.of(HEAD.group, ProviderOfficers.headGroup(providerBin)));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(taskId,
                    Map.of(ComplaintProcess.DECISION, "REJECTED", ComplaintProcess.DECISION_REASONS, "no grounds",
                            FORGED, "x"))).hasMessageContaining(FORGED);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.resolveTask(taskId,
                    Map.of(FORGED, "x"))).hasMessageContaining(FORGED);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(task(registered.processInstanceId(), ComplaintProcess.TASK_REVIEW_BY_PROVIDER)).isNotNull();
        assertThat(runtimeService.getVariable(registered.processInstanceId(), FORGED)).isNull();
        ResponseEntity<String> valid = call(HEAD, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of(ComplaintProcess.DECISION, string("REJECTED"),
                        ComplaintProcess.DECISION_REASONS, string("no grounds"))));
        assertThat(valid.getStatusCode().value()).as(valid.getBody()).isEqualTo(204);
    }

    // --- candidates: TASK_WORK, not UPDATE

    @Test
    void aCandidateWorksTheTaskButCannotReassignItOrChangeItsIdentityLinks() {
        ComplaintRegistration.Registered registered = registration.register(complaint());
        String taskId = task(registered.processInstanceId(), ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getId();
        identityService.setAuthentication(HEAD.userId, List.of(HEAD.group, ProviderOfficers.headGroup(providerBin)));
        try {
            assertThat(authorizationService.isUserAuthorized(HEAD.userId, List.of(HEAD.group, ProviderOfficers.headGroup(providerBin)),
                    TaskPermissions.TASK_WORK, Resources.TASK, taskId)).isTrue();
            assertThat(authorizationService.isUserAuthorized(HEAD.userId, List.of(HEAD.group, ProviderOfficers.headGroup(providerBin)),
                    Permissions.UPDATE, Resources.TASK, taskId)).isFalse();
        } finally {
            identityService.clearAuthentication();
        }
        String path = "/engine-rest/task/" + taskId;
        assertThat(call(HEAD, HttpMethod.POST, path + "/assignee", Map.of("userId", "sec-reviewer"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(HEAD, HttpMethod.POST, path + "/identity-links", Map.of("groupId", Roles.MANAGERS,
                "type", "candidate")).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HEAD, HttpMethod.POST, path + "/identity-links/delete", Map.of("groupId",
                ProviderOfficers.headGroup(providerBin), "type", "candidate")).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HEAD, HttpMethod.POST, path + "/delegate", Map.of("userId", "sec-reviewer"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(HEAD, HttpMethod.PUT, path, Map.of("name", "renamed")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(taskService.getIdentityLinksForTask(taskId)).extracting(l -> l.getGroupId())
                .containsExactly(ProviderOfficers.headGroup(providerBin));
        assertThat(call(HEAD, HttpMethod.POST, path + "/claim", Map.of("userId", HEAD.userId))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(call(HEAD, HttpMethod.POST, path + "/complete", Map.of("variables", Map.of(
                ComplaintProcess.DECISION, string("REJECTED"), ComplaintProcess.DECISION_REASONS,
                string("no grounds")))).getStatusCode().value()).isEqualTo(204);
    }

    // --- helpers

    /** Ground 3 (art. 95(4)(3), investigation or trial): four eyes, all four categories asked and allowed. */
    String registerFourEyesDisclosure() {
        return registerFourEyesDisclosure("INVESTIGATION_OR_TRIAL");
    }

    /** Ground 5 for HARM_BY_UNLAWFUL_ACTS: four eyes, EXAMINATION_TREATMENT withheld. */
    String registerFourEyesDisclosure(String purposeKind) {
        ResponseEntity<String> answer = http.withBasicAuth(DPO.userId, SecurityTestUsers.PASSWORD).postForEntity(
                "/api/disclosures", Map.of("requesterKind", "INVESTIGATION_BODY", "requesterName",
                        "Synthetic investigator", "requesterIdNumber", providerBin, "requesterCapacity",
                        "investigator in case No. 17-2026", "patientIin", subjectIin, "dataCategories",
                        List.of("FACT_OF_CARE", "HEALTH_STATUS", "DIAGNOSIS", "EXAMINATION_TREATMENT"),
                        "purposeKind", purposeKind, "purpose", "criminal case",
                        "documentKind", "INVESTIGATOR_REQUEST", "documentRef", "No. 17 of 2026-03-20"), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        String pi = read(answer.getBody()).get("processInstanceId").asText();
        assertThat(disclosure(pi).secondApprovalRequired()).as("ground 3: four eyes").isTrue();
        return pi;
    }

    String claimAs(Role role, String pi, String activityId) {
        String taskId = task(pi, activityId).getId();
        ResponseEntity<String> claimed = call(role, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", role.userId));
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
        return taskId;
    }

    Disclosures.Disclosure disclosure(String pi) {
        String id = (String) runtimeService.getVariable(pi, DisclosureProcess.DISCLOSURE_ID);
        return disclosures.find(id);
    }

    /** Runs the instance's asynchronous steps (not its timers): where the process would go next. */
    void runJobs(String pi) {
        managementService.createJobQuery().processInstanceId(pi).messages().list().forEach(j -> {
            try {
                managementService.executeJob(j.getId());
            } catch (RuntimeException failed) {
                // a failing job leaves an incident; the assertions look at the state
            }
        });
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    Task task(String processInstanceId, String activityId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
    }

    ComplaintRequest complaint() {
        return new ComplaintRequest(subjectIin, "Synthetic Applicant", "+77080000001", null, "2", providerBin,
                "DECISION", "Refusal to issue the conclusion", "Issue the conclusion", List.of("refusal.pdf"),
                "HEAD_OF_PROVIDER", null, null);
    }

    static Map<String, Object> string(String value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        typed.put("type", "String");
        return typed;
    }

    ResponseEntity<String> call(Role role, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate as = http.withBasicAuth(role.userId, SecurityTestUsers.PASSWORD);
        return as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
