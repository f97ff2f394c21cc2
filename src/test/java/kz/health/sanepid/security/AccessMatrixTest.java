package kz.health.sanepid.security;

import static kz.health.sanepid.security.SecurityTestUsers.Role.ADMIN;
import static kz.health.sanepid.security.SecurityTestUsers.Role.DPO;
import static kz.health.sanepid.security.SecurityTestUsers.Role.HEAD;
import static kz.health.sanepid.security.SecurityTestUsers.Role.MANAGER;
import static kz.health.sanepid.security.SecurityTestUsers.Role.PROVIDER;
import static kz.health.sanepid.security.SecurityTestUsers.Role.REVIEWER;
import static kz.health.sanepid.security.SecurityTestUsers.Role.SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The access matrix (docs/ACCESS.md) both ways, over HTTP: for every role and every resource of {@code /engine-rest}
 * and of the application's {@code /api}, what the role's work needs works, and everything else is refused (403, or
 * an empty list where the engine filters by authorization). One user per role group is created here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired ComplaintRegistration registration;
    @Autowired SduFixtures sdu;
    @Autowired ProviderOfficers providerOfficers;

    String complaintId;
    String providerTask;
    String firstReviewTask;
    String reviewerTask;
    String dpoTask;
    String recipientInstance;
    String recipientJob;
    String runId;
    String subjectIin;
    String providerBin;

    record Check(String name, Set<Role> allowed, Function<Role, Boolean> granted) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void fixtures() {
        SecurityTestUsers.create(identityService);
        subjectIin = IdentificationNumbers.withCheckDigit("9001013" + "0042");
        for (int i = 43; subjectIin == null || !IdentificationNumbers.isValidIin(subjectIin); i++) {
            subjectIin = IdentificationNumbers.withCheckDigit("9001013" + String.format("%04d", i));
        }
        providerBin = sdu.newBin();
        providerOfficers.enrol(PROVIDER.userId, providerBin); // the provider's complaints are its group's tasks
        providerOfficers.enrolHead(HEAD.userId, providerBin); // and those addressed to the head, its head's
        // a complaint to the head of the provider: a task of the heads (004 App.2 item 19), not of the officers
        ComplaintRegistration.Registered toHead = registration.register(complaint("HEAD_OF_PROVIDER"));
        complaintId = toHead.complaintId();
        providerTask = task(toHead.processInstanceId(), ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getId();
        // a complaint to the reviewing body at the provider's 3-day stage: a task of the provider officers
        firstReviewTask = task(registration.register(complaint("REVIEWING_BODY")).processInstanceId(),
                ComplaintProcess.TASK_FIRST_REVIEW).getId();
        // a complaint forwarded to the reviewing body: a task of the reviewing-body officers
        ComplaintRegistration.Registered toBody = registration.register(complaint("REVIEWING_BODY"));
        taskService.complete(task(toBody.processInstanceId(), ComplaintProcess.TASK_FIRST_REVIEW).getId(),
                Map.of(ComplaintProcess.PROVIDER_ACTION, ComplaintProcess.ACTION_FORWARD,
                        ComplaintProcess.CASE_DOCUMENTS, "application.pdf"));
        reviewerTask = task(toBody.processInstanceId(), ComplaintProcess.TASK_REVIEWING_BODY_DECISION).getId();
        // a disclosure request registered by a data-protection officer over the API: the officers' review task
        ResponseEntity<String> disclosure = as(DPO).postForEntity("/api/disclosures", disclosureBody(), String.class);
        assertThat(disclosure.getStatusCode().value()).as(disclosure.getBody()).isEqualTo(201);
        String disclosurePi = read(disclosure.getBody()).get("processInstanceId").asText();
        dpoTask = task(disclosurePi, "Task_ReviewGround").getId();
        // an SDU recipient waiting at its first registry check, with an incident on it
        String businessKey = sdu.offer(sdu.person(), "Renamed LLP");
        runId = businessKey.substring(0, businessKey.indexOf(':'));
        ProcessInstance recipient = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        recipientInstance = recipient.getId();
        recipientJob = managementService.createJobQuery().processInstanceId(recipientInstance).singleResult().getId();
        runtimeService.createIncident("sec-test", recipientInstance, "access matrix fixture");
    }

    @AfterAll
    void cleanUp() {
        for (Role role : Role.values()) {
            historyService.createHistoricProcessInstanceQuery().startedBy(role.userId).unfinished().list()
                    .forEach(h -> runtimeService.deleteProcessInstanceIfExists(h.getId(), "access matrix test", true,
                            true, true, true));
        }
        repositoryService.createDeploymentQuery().deploymentName("sec-admin-deployment").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        identityService.createUserQuery().userIdIn("sec-created-user").list()
                .forEach(u -> identityService.deleteUser(u.getId()));
    }

    Stream<Arguments> matrix() {
        return RestCalls.everyRole(checks());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void whatTheMatrixAllowsWorksAndEverythingElseIsRefused(Check check, Role role) {
        assertThat(check.granted().apply(role)).as("%s as %s", check.name(), role)
                .isEqualTo(check.allowed().contains(role));
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        // process definitions: who sees which, who may start which
        Map<String, Set<Role>> readers = new LinkedHashMap<>();
        readers.put(AccessMatrix.COMPLAINT, EnumSet.of(PROVIDER, HEAD, REVIEWER, MANAGER, ADMIN));
        readers.put(AccessMatrix.SDU_RUN, EnumSet.of(SPECIALIST, MANAGER, ADMIN));
        readers.put(AccessMatrix.SDU_RECIPIENT, EnumSet.of(SPECIALIST, MANAGER, ADMIN));
        readers.put(AccessMatrix.CONSENT, EnumSet.of(DPO, MANAGER, ADMIN));
        readers.put(AccessMatrix.CONSENT_REVOCATION, EnumSet.of(DPO, MANAGER, ADMIN));
        readers.put(AccessMatrix.DISCLOSURE, EnumSet.of(DPO, MANAGER, ADMIN));
        readers.forEach((key, roles) -> checks.add(new Check("GET /engine-rest/process-definition?key=" + key, roles,
                role -> visible(role, "/engine-rest/process-definition?key=" + key))));
        checks.add(new Check("POST /engine-rest/process-definition/key/" + AccessMatrix.COMPLAINT + "/start",
                EnumSet.of(PROVIDER, REVIEWER, ADMIN), role -> worked(engineRest(role, HttpMethod.POST,
                        "/engine-rest/process-definition/key/" + AccessMatrix.COMPLAINT + "/start",
                        Map.of("variables", complaintVariables(role))), 200)));
        checks.add(new Check("POST /engine-rest/process-definition/key/" + AccessMatrix.SDU_RUN + "/start",
                EnumSet.of(SPECIALIST, ADMIN), role -> worked(engineRest(role, HttpMethod.POST,
                        "/engine-rest/process-definition/key/" + AccessMatrix.SDU_RUN + "/start",
                        Map.of("variables", Map.of("runId", Map.of("value", sdu.newRunId(), "type", "String")))),
                        200)));
        for (String key : List.of(AccessMatrix.SDU_RECIPIENT, AccessMatrix.CONSENT, AccessMatrix.CONSENT_REVOCATION,
                AccessMatrix.DISCLOSURE)) {
            // the start with no variables is refused by the process itself when allowed, by authorization when not
            Set<Role> starters = key.equals(AccessMatrix.SDU_RECIPIENT) ? EnumSet.of(ADMIN) : EnumSet.of(DPO, ADMIN);
            checks.add(new Check("POST /engine-rest/process-definition/key/" + key + "/start (authorization)",
                    starters, role -> notForbidden(engineRest(role, HttpMethod.POST,
                            "/engine-rest/process-definition/key/" + key + "/start", Map.of("variables",
                                    Map.of("sentinel", Map.of("value", "no", "type", "String")))))));
        }
        // tasks: seen by their candidate group, managers and administrators; worked only by the candidate group
        Map<String, Function<AccessMatrixTest, String>> tasks = new LinkedHashMap<>();
        tasks.put("provider task", t -> t.providerTask);
        tasks.put("provider first-review task", t -> t.firstReviewTask);
        tasks.put("reviewing-body task", t -> t.reviewerTask);
        tasks.put("data-protection task", t -> t.dpoTask);
        Map<String, Role> candidates = Map.of("provider task", HEAD, "provider first-review task", PROVIDER,
                "reviewing-body task", REVIEWER, "data-protection task", DPO);
        tasks.forEach((name, id) -> {
            checks.add(new Check("GET /engine-rest/task?taskId= (" + name + ")",
                    EnumSet.of(candidates.get(name), MANAGER, ADMIN),
                    role -> visible(role, "/engine-rest/task?taskId=" + id.apply(this))));
            checks.add(new Check("POST /engine-rest/task/{id}/claim (" + name + ")",
                    EnumSet.of(candidates.get(name), ADMIN), role -> claimAndGiveBack(role, id.apply(this))));
            checks.add(new Check("POST /engine-rest/task/{id}/complete refused (" + name + ")",
                    EnumSet.of(candidates.get(name), ADMIN), role -> role == candidates.get(name) || role == ADMIN
                            || worked(engineRest(role, HttpMethod.POST, "/engine-rest/task/" + id.apply(this)
                            + "/complete", Map.of("variables", Map.of())), 204)));
        });
        // deployments, decisions, filters
        checks.add(new Check("GET /engine-rest/deployment", EnumSet.of(MANAGER, ADMIN),
                role -> visible(role, "/engine-rest/deployment")));
        checks.add(new Check("POST /engine-rest/deployment/create", EnumSet.of(ADMIN), this::deploy));
        for (String key : List.of(AccessMatrix.CONSENT_DECISION, AccessMatrix.DISCLOSURE_DECISION)) {
            checks.add(new Check("GET /engine-rest/decision-definition?key=" + key, EnumSet.of(DPO, MANAGER, ADMIN),
                    role -> visible(role, "/engine-rest/decision-definition?key=" + key)));
        }
        checks.add(new Check("GET /engine-rest/decision-definition?key=consent-revocation-check",
                EnumSet.of(MANAGER, ADMIN), role -> visible(role, "/engine-rest/decision-definition?key=consent-revocation-check")));
        checks.add(new Check("GET /engine-rest/filter", EnumSet.of(PROVIDER, HEAD, REVIEWER, SPECIALIST, DPO, ADMIN),
                role -> visible(role, "/engine-rest/filter")));
        checks.add(new Check("POST /engine-rest/filter/create", EnumSet.of(ADMIN), role -> {
            ResponseEntity<String> answer = engineRest(role, HttpMethod.POST, "/engine-rest/filter/create",
                    Map.of("resourceType", "Task", "name", "sec-filter-" + role, "query", Map.of()));
            boolean created = worked(answer, 200);
            if (created) {
                engineRest(ADMIN, HttpMethod.DELETE, "/engine-rest/filter/" + read(answer.getBody()).get("id").asText(),
                        null);
            }
            return created;
        }));
        // incidents and failed jobs of the SDU recipients: specialists and managers follow them, administrators
        // retry them (engine write doors, docs/ACCESS.md)
        checks.add(new Check("GET /engine-rest/incident?processInstanceId=", EnumSet.of(SPECIALIST, MANAGER, ADMIN),
                role -> visible(role, "/engine-rest/incident?processInstanceId=" + recipientInstance)));
        checks.add(new Check("PUT /engine-rest/job/{id}/retries", EnumSet.of(ADMIN),
                role -> worked(engineRest(role, HttpMethod.PUT, "/engine-rest/job/" + recipientJob + "/retries",
                        Map.of("retries", 3)), 204)));
        checks.add(new Check("GET /engine-rest/history/process-instance?processInstanceId= (SDU recipient)",
                EnumSet.of(SPECIALIST, MANAGER, ADMIN),
                role -> visible(role, "/engine-rest/history/process-instance?processInstanceId=" + recipientInstance)));
        // administration
        checks.add(new Check("GET /engine-rest/authorization", EnumSet.of(ADMIN),
                role -> visible(role, "/engine-rest/authorization")));
        checks.add(new Check("POST /engine-rest/authorization/create", EnumSet.of(ADMIN), role -> {
            ResponseEntity<String> answer = engineRest(role, HttpMethod.POST, "/engine-rest/authorization/create",
                    Map.of("type", 1, "permissions", List.of("ACCESS"), "userId", "sec-nobody", "resourceType", 0,
                            "resourceId", "sec-" + role.name().toLowerCase()));
            boolean created = worked(answer, 200);
            if (created) {
                engineRest(ADMIN, HttpMethod.DELETE, "/engine-rest/authorization/"
                        + read(answer.getBody()).get("id").asText(), null);
            }
            return created;
        }));
        checks.add(new Check("POST /engine-rest/user/create", EnumSet.of(ADMIN), role -> {
            boolean created = worked(engineRest(role, HttpMethod.POST, "/engine-rest/user/create", Map.of(
                    "profile", Map.of("id", "sec-created-user", "firstName", "Created", "lastName", "User"),
                    "credentials", Map.of("password", "Zhana#Qupiya-2026x"))), 204);
            if (created) {
                identityService.deleteUser("sec-created-user");
            }
            return created;
        }));
        checks.add(new Check("PUT /engine-rest/group/{id}/members/{user}", EnumSet.of(ADMIN), role -> {
            boolean added = worked(engineRest(role, HttpMethod.PUT, "/engine-rest/group/" + Roles.MANAGERS
                    + "/members/" + role.userId, null), 204);
            if (added && role != MANAGER) {
                identityService.deleteMembership(role.userId, Roles.MANAGERS);
            }
            return added;
        }));

        // the application's API
        checks.add(new Check("POST /api/sdu/runs", EnumSet.of(SPECIALIST),
                role -> worked(api(role, HttpMethod.POST, "/api/sdu/runs", Map.of("windowFrom", "not-a-day")), 400)));
        checks.add(new Check("GET /api/sdu/runs/{runId}", EnumSet.of(SPECIALIST, MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/sdu/runs/" + runId, null), 200)));
        checks.add(new Check("GET /api/sdu/runs/{runId}/recipients", EnumSet.of(SPECIALIST, MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/sdu/runs/" + runId + "/recipients", null), 200)));
        checks.add(new Check("GET /api/sdu/recipients/{businessKey}/answers", EnumSet.of(SPECIALIST),
                role -> worked(api(role, HttpMethod.GET, "/api/sdu/recipients/SDU-20260101-000000-abcd:800505300001:SE1-1"
                        + "/answers", null), 404)));
        checks.add(new Check("POST /api/sdu/recipients/{businessKey}/re-offer", EnumSet.of(SPECIALIST),
                role -> worked(api(role, HttpMethod.POST, "/api/sdu/recipients/SDU-20260101-000000-abcd:800505300001:SE1-1"
                        + "/re-offer", Map.of()), 400)));
        checks.add(new Check("GET /api/sms/outbox?to=", EnumSet.of(SPECIALIST, MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/sms/outbox?to=87080000001", null), 200)));
        checks.add(new Check("GET /api/audit", EnumSet.of(DPO),
                role -> worked(api(role, HttpMethod.GET, "/api/audit?limit=5", null), 200)));
        checks.add(new Check("GET /api/consents?iin=", EnumSet.of(DPO, MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/consents?iin=" + subjectIin, null), 200)));
        checks.add(new Check("POST /api/consents/{id}/revocation", EnumSet.of(DPO),
                role -> worked(api(role, HttpMethod.POST, "/api/consents/sec-none/revocation", Map.of()), 400)));
        checks.add(new Check("POST /api/disclosures", EnumSet.of(DPO),
                role -> worked(api(role, HttpMethod.POST, "/api/disclosures", Map.of()), 400)));
        checks.add(new Check("GET /api/disclosures?iin=", EnumSet.of(DPO),
                role -> worked(api(role, HttpMethod.GET, "/api/disclosures?iin=" + subjectIin, null), 200)));
        checks.add(new Check("POST /api/complaints", EnumSet.of(PROVIDER, REVIEWER),
                role -> worked(api(role, HttpMethod.POST, "/api/complaints", Map.of()), 400)));
        checks.add(new Check("GET /api/complaints/stats", EnumSet.of(MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/complaints/stats", null), 200)));
        checks.add(new Check("GET /api/complaints/{id}", EnumSet.of(PROVIDER, HEAD, REVIEWER, MANAGER),
                role -> worked(api(role, HttpMethod.GET, "/api/complaints/" + complaintId, null), 200)));
        checks.add(new Check("GET /api/calendar/days-off", EnumSet.allOf(Role.class),
                role -> worked(api(role, HttpMethod.GET, "/api/calendar/days-off?year=2026", null), 200)));
        checks.add(new Check("GET /api/calendar/deadline", EnumSet.allOf(Role.class), role -> worked(api(role,
                HttpMethod.GET, "/api/calendar/deadline?from=2026-03-20&workingDays=5", null), 200)));
        checks.add(new Check("POST /api/calendar/entries", EnumSet.of(ADMIN),
                role -> worked(api(role, HttpMethod.POST, "/api/calendar/entries", Map.of()), 400)));
        checks.add(new Check("POST /api/erasure", EnumSet.of(DPO),
                role -> worked(api(role, HttpMethod.POST, "/api/erasure", Map.of()), 400)));
        return checks;
    }

    @Test
    void theGatewayEndpointsRefuseEveryPersonsLogin() {
        for (Role role : Role.values()) {
            for (String path : List.of("/api/sms/inbound", "/api/consent-service/answers")) {
                ResponseEntity<String> answer = api(role, HttpMethod.POST, path, Map.of("from", "+77080000001"));
                assertThat(answer.getStatusCode().value()).as(path + " as " + role).isEqualTo(401);
            }
        }
    }

    @Test
    void theHeadCompletesTheHeadsTaskAndNeitherTheManagerNorTheRegisteringOfficerCan() {
        ComplaintRegistration.Registered registered = registration.register(complaint("HEAD_OF_PROVIDER"));
        String taskId = task(registered.processInstanceId(), ComplaintProcess.TASK_REVIEW_BY_PROVIDER).getId();
        Map<String, Object> variables = Map.of("variables", Map.of(
                ComplaintProcess.DECISION, Map.of("value", "REJECTED", "type", "String"),
                ComplaintProcess.DECISION_REASONS, Map.of("value", "no grounds", "type", "String")));
        ResponseEntity<String> byManager = engineRest(MANAGER, HttpMethod.POST, "/engine-rest/task/" + taskId
                + "/complete", variables);
        assertThat(byManager.getStatusCode().value()).isEqualTo(403);
        assertThat(engineRest(PROVIDER, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", variables)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> byHead = engineRest(HEAD, HttpMethod.POST, "/engine-rest/task/" + taskId
                + "/complete", variables);
        assertThat(byHead.getStatusCode().value()).as(byHead.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getDeleteReason())
                .isEqualTo("completed");
    }

    // --- probes

    boolean visible(Role role, String path) {
        ResponseEntity<String> answer = engineRest(role, HttpMethod.GET, path, null);
        if (answer.getStatusCode().value() == 403) {
            return false;
        }
        assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(200);
        return read(answer.getBody()).size() > 0;
    }

    boolean claimAndGiveBack(Role role, String taskId) {
        boolean claimed = worked(engineRest(role, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", role.userId)), 204);
        if (claimed) {
            assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(role.userId);
            taskService.setAssignee(taskId, null);
        }
        return claimed;
    }

    boolean deploy(Role role) {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn="
                + "\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
                + " id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"sec-noop\" isExecutable=\"false\""
                + " camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "sec-admin-deployment");
        parts.add("data", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "sec-noop.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> answer = as(role).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return worked(answer, 200);
    }

    /** True when the call did what it asks (the expected status), false when refused with 403; anything else fails. */
    static boolean worked(ResponseEntity<String> answer, int expected) {
        int status = answer.getStatusCode().value();
        if (status == expected) {
            return true;
        }
        if (status == 403) {
            return false;
        }
        if (status == 404 && answer.getBody().contains("No matching")) {
            return false; // the engine hides a definition the caller may not read
        }
        return fail("expected %d or 403 but got %d: %s", expected, status, answer.getBody());
    }

    static boolean notForbidden(ResponseEntity<String> answer) {
        int status = answer.getStatusCode().value();
        assertThat(status).as(answer.getBody()).isNotEqualTo(401);
        if (status == 403) {
            assertThat(answer.getBody()).contains("AuthorizationException");
        }
        return status != 403 && !(status == 404 && answer.getBody().contains("No matching"));
    }

    ResponseEntity<String> engineRest(Role role, HttpMethod method, String path, Object body) {
        return api(role, method, path, body);
    }

    ResponseEntity<String> api(Role role, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(role).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    TestRestTemplate as(Role role) {
        return http.withBasicAuth(role.userId, SecurityTestUsers.PASSWORD);
    }

    Task task(String processInstanceId, String activityId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
    }

    ComplaintRequest complaint(String addressee) {
        return new ComplaintRequest(subjectIin, "Synthetic Applicant", "+77080000001", null, "2", providerBin,
                "DECISION", "Refusal to issue the conclusion", "Issue the conclusion", List.of("refusal.pdf"),
                addressee, "REVIEWING_BODY".equals(addressee) ? "AUTHORISED_BODY" : null, null);
    }

    /** A valid start; a reviewing-body officer registers one received directly by the reviewing body. */
    Map<String, Object> complaintVariables(Role role) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (role == REVIEWER) {
            Map.of("receivedBy", "REVIEWING_BODY", "reviewingBody", "AUTHORISED_BODY")
                    .forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
        }
        Map.of("applicantId", subjectIin, "applicantName", "Synthetic Applicant", "applicantPhone", "+77080000001",
                "serviceCode", "2", "providerBin", providerBin, "appealedKind", "DECISION",
                "appealedText", "Refusal", "demands", "Issue it", "addressee",
                role == REVIEWER ? "REVIEWING_BODY" : "HEAD_OF_PROVIDER")
                .forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
        return variables;
    }

    Map<String, Object> disclosureBody() {
        return Map.of("requesterKind", "COURT", "requesterName", "Synthetic court",
                "requesterCapacity", "judge in case No. 2-17/2026", "patientIin", subjectIin,
                "dataCategories", List.of("DIAGNOSIS"), "purposeKind", "INVESTIGATION_OR_TRIAL",
                "purpose", "civil case", "documentKind", "COURT_REQUEST", "documentRef", "No. 2-17/2026");
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
