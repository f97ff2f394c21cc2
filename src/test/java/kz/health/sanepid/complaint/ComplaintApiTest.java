package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** POST /api/complaints refuses bad complaints with reasons and starts nothing; GET /api/complaints/stats counts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintApiTest {

    static final String PROVIDER = "complaintprovider";
    static final String MANAGER = "complaintmanager";
    static final String PASSWORD = "Shagym#Test2026";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ComplaintRegistration registration;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        ClockUtil.setCurrentTime(REGISTERED);
        user(PROVIDER, Roles.PROVIDER_OFFICERS);
        user(MANAGER, Roles.MANAGERS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aValidComplaintIsRegisteredAndItsProcessStartedWithTheComplaintIdAsBusinessKey() {
        ResponseEntity<Map<String, Object>> answer = post(PROVIDER, body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN,
                PHONE, null)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) answer.getBody().get("complaintId");
        assertThat(answer.getBody()).containsEntry("route", "HEAD_OF_PROVIDER")
                .containsEntry("dueAt", "2026-04-01T23:59:59.999+05:00");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT applicant_phone FROM complaint WHERE complaint_id = ?", String.class, id))
                .isEqualTo(PHONE);
        ResponseEntity<Map<String, Object>> read = http.withBasicAuth(MANAGER, PASSWORD).exchange(
                "/api/complaints/" + id, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(read.getBody()).containsEntry("status", "OPEN").containsKey("events");
    }

    @Test
    void aMalformedIinNoDemandsOrAnUnknownServiceAreRefusedAndNothingIsStarted() {
        Map<String, Object> badIin = body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null));
        badIin.put("applicantId", APPLICANT_IIN.substring(0, 11) + ((APPLICANT_IIN.charAt(11) - '0' + 1) % 10));
        Map<String, Object> noDemands = body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null));
        noDemands.remove("demands");
        Map<String, Object> unknownService = body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null));
        unknownService.put("serviceCode", 7);
        Map<String, Object> noReviewingBody = body(complaint("REVIEWING_BODY", PROVIDER_BIN, null, "not-an-email"));
        noReviewingBody.remove("reviewingBody");

        Map<Map<String, Object>, String> cases = Map.of(
                badIin, "applicantId: not a valid IIN or BIN",
                noDemands, "demands: required",
                unknownService, "serviceCode: unknown service '7'; must be 1-4",
                noReviewingBody, "reviewingBody: must be AUTHORISED_BODY or HIGHER_BODY");
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
            long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                    .count();
            ResponseEntity<Map<String, Object>> answer = post(PROVIDER, c.getKey());
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((List<?>) answer.getBody().get("reasons")).as(c.getValue())
                    .anySatisfy(r -> assertThat((String) r).contains(c.getValue()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(rows);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count())
                    .isEqualTo(instances);
        }
    }

    @Test
    void aRefusedTasklistStartFormAnswersWithTheReasonsAndStartsNothing() {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count();
        Map<String, Object> variables = new HashMap<>();
        body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null)).forEach((k, v) -> {
            if (v instanceof String text) {
                variables.put(k, Map.of("value", text, "type", "String"));
            }
        });
        variables.put("serviceCode", Map.of("value", "5", "type", "String"));
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(PROVIDER, PASSWORD).exchange(
                "/engine-rest/process-definition/key/" + ComplaintProcess.KEY + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables)), new ParameterizedTypeReference<>() { });
        // engine-rest wraps any failure of submit-form as 500 "Cannot instantiate process definition ...: <reason>";
        // Tasklist shows that message, so the officer reads the reasons
        assertThat(answer.getStatusCode().isError()).isTrue();
        assertThat((String) answer.getBody().get("message")).contains("serviceCode: unknown service '5'");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count())
                .isEqualTo(instances);
    }

    @Test
    void onlyProviderOfficersRegisterAndOnlyManagersReadTheStats() {
        assertThat(post(MANAGER, body(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(PROVIDER, PASSWORD).getForEntity("/api/complaints/stats", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/complaints", Map.of(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void statsCountOpenDueTodayOverdueAndClosedWithinAndPastTermPerProviderAndRoute() {
        String bin = uniqueProviderBin(731);
        // A: to the head, due 1 April (open). B: to the reviewing body, 3 days passed on 30 March (open, flagged).
        String a = registration.register(complaint("HEAD_OF_PROVIDER", bin, PHONE, null)).complaintId();
        ComplaintRegistration.Registered b = registration.register(complaint("REVIEWING_BODY", bin, PHONE, null));
        // C: to the head, decided on 26 March (within term). D: reviewing body, satisfied on 31 March (past term).
        ComplaintRegistration.Registered c = registration.register(complaint("HEAD_OF_PROVIDER", bin, PHONE, null));
        ComplaintRegistration.Registered d = registration.register(complaint("REVIEWING_BODY", bin, null, EMAIL));
        ClockUtil.setCurrentTime(at("2026-03-26T12:00:00+05:00"));
        complete(c.processInstanceId(), Map.of(ComplaintProcess.DECISION, "SATISFIED_IN_PART",
                ComplaintProcess.DECISION_REASONS, "partly"));
        ClockUtil.setCurrentTime(at("2026-03-31T10:00:00+05:00"));
        managementService.executeJob(timer(managementService, b.processInstanceId(), "Event_FirstReviewDeadline").getId());
        complete(d.processInstanceId(), Map.of(ComplaintProcess.PROVIDER_ACTION, ComplaintProcess.ACTION_FULLY_SATISFIED,
                ComplaintProcess.DECISION_REASONS, "issued"));

        ClockUtil.setCurrentTime(at("2026-04-01T12:00:00+05:00"));
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(MANAGER, PASSWORD).exchange(
                "/api/complaints/stats", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("asOf", "2026-04-01T12:00+05:00");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perProvider = (List<Map<String, Object>>) answer.getBody().get("perProvider");
        assertThat(perProvider).filteredOn(m -> bin.equals(m.get("group"))).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("open", 2).containsEntry("dueToday", 1).containsEntry("overdue", 1)
                    .containsEntry("closedWithinTerm", 1).containsEntry("closedPastTerm", 1)
                    .containsEntry("forwardingDeadlineMissed", 1);
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perRoute = (List<Map<String, Object>>) answer.getBody().get("perRoute");
        assertThat(perRoute).extracting(m -> m.get("group")).contains("HEAD_OF_PROVIDER", "REVIEWING_BODY");
        assertThat(perRoute).filteredOn(m -> "REVIEWING_BODY".equals(m.get("group"))).singleElement()
                .satisfies(m -> assertThat((Integer) m.get("forwardingDeadlineMissed")).isPositive());
        assertThat(a).isNotBlank();
    }

    private void complete(String processInstanceId, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
                variables);
    }

    private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
    }

    private void user(String userId, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
    }
}
