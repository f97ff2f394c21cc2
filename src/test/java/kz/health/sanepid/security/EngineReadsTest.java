package kz.health.sanepid.security;

import static kz.health.sanepid.security.SecurityTestUsers.Role.ADMIN;
import static kz.health.sanepid.security.SecurityTestUsers.Role.DPO;
import static kz.health.sanepid.security.SecurityTestUsers.Role.MANAGER;
import static kz.health.sanepid.security.SecurityTestUsers.Role.SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's doors for reads (docs/ACCESS.md "Engine reads"): who reads which personal data through
 * {@code /engine-rest} and the webapps, both ways; exploit 2 of issue 14 (a manager read every patient's IIN from the
 * variable history, unaudited) as a regression test; officers' reads through the engine audited with their door;
 * {@code GET /engine-rest/engine} the only anonymous path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineReadsTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ComplaintRegistration registration;
    @Autowired SduFixtures sdu;
    @Autowired JdbcTemplate jdbc;

    /** A process instance holding one person's data, and that person's IIN. */
    record Fixture(String key, String processInstanceId, String iin, String taskId) {
    }

    final Map<String, Fixture> fixtures = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        SecurityTestUsers.create(identityService);
        // a disclosure request: the patient's IIN, a data-protection task
        String patient = sdu.person().iin();
        ResponseEntity<String> disclosure = as(DPO).postForEntity("/api/disclosures", disclosureBody(patient),
                String.class);
        assertThat(disclosure.getStatusCode().value()).as(disclosure.getBody()).isEqualTo(201);
        String disclosurePi = read(disclosure.getBody()).get("processInstanceId").asText();
        String dpoTask = taskService.createTaskQuery().processInstanceId(disclosurePi)
                .taskDefinitionKey("Task_ReviewGround").singleResult().getId();
        fixtures.put(AccessMatrix.DISCLOSURE, new Fixture(AccessMatrix.DISCLOSURE, disclosurePi, patient, dpoTask));
        // a task comment and a claim (a user-operation log entry) on it, made by the officer
        taskService.createComment(dpoTask, disclosurePi, "patient " + patient + " asked by phone");
        assertThat(engineRest(DPO, HttpMethod.POST, "/engine-rest/task/" + dpoTask + "/claim",
                Map.of("userId", DPO.userId)).getStatusCode().value()).isEqualTo(204);
        // a complaint: the applicant's IIN
        String applicant = sdu.person().iin();
        ComplaintRegistration.Registered complaint = registration.register(new ComplaintRequest(applicant,
                "Synthetic Applicant", "+77080000002", null, "2", sdu.newBin(), "DECISION", "Refusal", "Issue it",
                List.of("refusal.pdf"), "HEAD_OF_PROVIDER", null, null));
        fixtures.put(AccessMatrix.COMPLAINT, new Fixture(AccessMatrix.COMPLAINT, complaint.processInstanceId(),
                applicant, null));
        // an SDU recipient: the IIN in its variables and business key
        SduFixtures.Person recipient = sdu.person();
        String businessKey = sdu.offer(recipient, "Renamed LLP");
        ProcessInstance sduPi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        fixtures.put(AccessMatrix.SDU_RECIPIENT, new Fixture(AccessMatrix.SDU_RECIPIENT, sduPi.getId(),
                recipient.iin(), null));
        // a consent request: the subject's IIN
        String subject = sdu.person().iin();
        Map<String, Object> consent = new HashMap<>();
        consent.put("subjectIin", subject);
        consent.put("operatorBin", "040540000014");
        consent.put("purpose", "engine reads test " + subject);
        consent.put("dataCategories", "NAME,CONTACTS");
        consent.put("requesterKind", "OPERATOR");
        consent.put("channel", "STATE_SERVICE");
        ProcessInstance consentPi = runtimeService.startProcessInstanceByKey(AccessMatrix.CONSENT, consent);
        fixtures.put(AccessMatrix.CONSENT, new Fixture(AccessMatrix.CONSENT, consentPi.getId(), subject, null));
    }

    // --- exploit 2 of issue 14

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {AccessMatrix.DISCLOSURE, AccessMatrix.COMPLAINT, AccessMatrix.SDU_RECIPIENT,
            AccessMatrix.CONSENT})
    void exploit2_aManagerReadsNoSubjectsIinFromTheVariableHistory(String key) {
        Fixture fixture = fixtures.get(key);
        ResponseEntity<String> answer = engineRest(MANAGER, HttpMethod.GET,
                "/engine-rest/history/variable-instance?processDefinitionKey=" + key, null);
        assertThat(answer.getBody()).as("manager's answer for " + key).doesNotContain(fixture.iin());
        // and a read that does show the data (the administrator's) is audited with its door
        long before = audited(fixture.iin(), ADMIN, "GET /engine-rest/history/variable-instance");
        ResponseEntity<String> byAdmin = engineRest(ADMIN, HttpMethod.GET,
                "/engine-rest/history/variable-instance?processInstanceId=" + fixture.processInstanceId(), null);
        assertThat(byAdmin.getBody()).contains(fixture.iin());
        assertThat(audited(fixture.iin(), ADMIN, "GET /engine-rest/history/variable-instance")).isEqualTo(before + 1);
    }

    /** Every family that carries a person's data, as a manager: 403 or an answer without the subject's IIN. */
    Stream<Arguments> managerProbes() {
        List<Arguments> probes = new ArrayList<>();
        for (Fixture f : fixtures.values()) {
            String pi = f.processInstanceId();
            for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + pi,
                    "/engine-rest/history/variable-instance?processDefinitionKey=" + f.key(),
                    "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                    "/engine-rest/process-instance/" + pi + "/variables",
                    "/engine-rest/history/detail?processInstanceId=" + pi,
                    "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true",
                    "/engine-rest/history/user-operation?processInstanceId=" + pi,
                    "/engine-rest/history/process-instance?processInstanceId=" + pi,
                    "/engine-rest/process-instance?processInstanceIds=" + pi,
                    "/engine-rest/engine/default/history/variable-instance?processInstanceId=" + pi)) {
                probes.add(Arguments.of(f.key(), path));
            }
            if (f.taskId() != null) {
                for (String tail : List.of("variables", "form-variables", "localVariables", "comment")) {
                    probes.add(Arguments.of(f.key(), "/engine-rest/task/" + f.taskId() + "/" + tail));
                }
            }
        }
        return probes.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("managerProbes")
    void aManagerGetsNoPersonalDataThroughTheEngine(String key, String path) {
        ResponseEntity<String> answer = engineRest(MANAGER, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(200, 403, 404);
        assertThat(answer.getBody()).as(path).doesNotContain(fixtures.get(key).iin());
    }

    @Test
    void aManagerQueryingVariablesByPostIsRefusedToo() {
        ResponseEntity<String> answer = engineRest(MANAGER, HttpMethod.POST, "/engine-rest/history/variable-instance",
                Map.of("processDefinitionKey", AccessMatrix.DISCLOSURE));
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody()).doesNotContain(fixtures.get(AccessMatrix.DISCLOSURE).iin());
    }

    @Test
    void aManagerSeesAnSduRecipientsBusinessKeyMasked() {
        Fixture f = fixtures.get(AccessMatrix.SDU_RECIPIENT);
        ResponseEntity<String> manager = engineRest(MANAGER, HttpMethod.GET,
                "/engine-rest/process-instance?processInstanceIds=" + f.processInstanceId(), null);
        assertThat(read(manager.getBody())).hasSize(1);
        assertThat(manager.getBody()).doesNotContain(f.iin()).contains("businessKey");
        ResponseEntity<String> specialist = engineRest(SPECIALIST, HttpMethod.GET,
                "/engine-rest/history/process-instance?processInstanceId=" + f.processInstanceId(), null);
        assertThat(read(specialist.getBody())).hasSize(1);
        assertThat(specialist.getBody()).doesNotContain(f.iin());
        ResponseEntity<String> admin = engineRest(ADMIN, HttpMethod.GET,
                "/engine-rest/process-instance?processInstanceIds=" + f.processInstanceId(), null);
        assertThat(admin.getBody()).contains(f.iin());
    }

    /** A search by a person's IIN would tell whether they are in a process: refused to all but administrators. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "SPECIALIST", "DPO"})
    void noOneButAnAdministratorSearchesInstancesByAPersonsData(Role role) {
        Fixture f = fixtures.get(AccessMatrix.SDU_RECIPIENT);
        for (String path : List.of("/engine-rest/process-instance?businessKeyLike=%25" + f.iin() + "%25",
                "/engine-rest/history/process-instance?processInstanceBusinessKeyLike=%25" + f.iin() + "%25",
                "/engine-rest/process-instance?variables=recipientIin_eq_" + f.iin(),
                "/engine-rest/task?processVariables=patientIin_eq_" + f.iin())) {
            ResponseEntity<String> answer = engineRest(role, HttpMethod.GET, path, null);
            assertThat(answer.getStatusCode().value()).as(path + " as " + role).isEqualTo(403);
        }
        ResponseEntity<String> posted = engineRest(role, HttpMethod.POST, "/engine-rest/process-instance",
                Map.of("variables", List.of(Map.of("name", "recipientIin", "operator", "eq", "value", f.iin()))));
        assertThat(posted.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> byAdmin = engineRest(ADMIN, HttpMethod.GET,
                "/engine-rest/process-instance?variables=recipientIin_eq_" + f.iin(), null);
        assertThat(read(byAdmin.getBody())).hasSize(1);
    }

    @Test
    void cockpitShowsAManagerNoVariablesAndTasklistsFormReadsAreAudited() {
        Fixture f = fixtures.get(AccessMatrix.DISCLOSURE);
        WebappSession manager = WebappSession.logIn(http, MANAGER, "cockpit");
        ResponseEntity<String> variables = manager.get("/camunda/api/engine/engine/default/history/variable-instance"
                + "?processDefinitionKey=" + AccessMatrix.DISCLOSURE);
        assertThat(variables.getStatusCode().value()).isEqualTo(403);
        assertThat(variables.getBody()).doesNotContain(f.iin());
        ResponseEntity<String> runtime = manager.get("/camunda/api/engine/engine/default/variable-instance"
                + "?processInstanceIdIn=" + f.processInstanceId());
        assertThat(runtime.getStatusCode().value()).isEqualTo(403);

        WebappSession dpo = WebappSession.logIn(http, DPO, "tasklist");
        long before = audited(f.iin(), DPO, "GET /camunda/api/engine/engine/default/task/");
        ResponseEntity<String> form = dpo.get("/camunda/api/engine/engine/default/task/" + f.taskId()
                + "/form-variables");
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
        assertThat(form.getBody()).contains(f.iin());
        assertThat(audited(f.iin(), DPO, "GET /camunda/api/engine/engine/default/task/")).isEqualTo(before + 1);
    }

    @Test
    void anOfficerReadingATasksVariablesOverEngineRestIsAudited() {
        Fixture f = fixtures.get(AccessMatrix.DISCLOSURE);
        long before = audited(f.iin(), DPO, "GET /engine-rest/task/");
        ResponseEntity<String> answer = engineRest(DPO, HttpMethod.GET, "/engine-rest/task/" + f.taskId()
                + "/variables", null);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains(f.iin());
        assertThat(audited(f.iin(), DPO, "GET /engine-rest/task/")).isEqualTo(before + 1);
        String purpose = jdbc.queryForObject("SELECT purpose FROM audit_read WHERE subject_iin = ? AND reader = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, f.iin(), DPO.userId);
        assertThat(purpose).isEqualTo("engine read (task/{id}/variables)");
        // a refused read writes nothing
        long byManager = audited(f.iin(), MANAGER, "");
        engineRest(MANAGER, HttpMethod.GET, "/engine-rest/task/" + f.taskId() + "/variables", null);
        assertThat(audited(f.iin(), MANAGER, "")).isEqualTo(byManager);
    }

    // --- the read matrix over /engine-rest, both ways

    record Check(String name, Set<Role> allowed, Supplier<String> path) {
        @Override
        public String toString() {
            return name;
        }
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        Map<String, Set<Role>> historyReaders = Map.of(
                AccessMatrix.DISCLOSURE, EnumSet.of(DPO, MANAGER, ADMIN),
                AccessMatrix.CONSENT, EnumSet.of(DPO, MANAGER, ADMIN),
                AccessMatrix.SDU_RECIPIENT, EnumSet.of(SPECIALIST, MANAGER, ADMIN),
                AccessMatrix.COMPLAINT, EnumSet.of(MANAGER, ADMIN));
        for (String key : List.of(AccessMatrix.DISCLOSURE, AccessMatrix.COMPLAINT, AccessMatrix.SDU_RECIPIENT,
                AccessMatrix.CONSENT)) {
            Supplier<Fixture> f = () -> fixtures.get(key);
            checks.add(new Check("GET history/process-instance (" + key + ")", historyReaders.get(key),
                    () -> "/engine-rest/history/process-instance?processInstanceId=" + f.get().processInstanceId()));
            checks.add(new Check("GET history/variable-instance (" + key + ")", EnumSet.of(ADMIN),
                    () -> "/engine-rest/history/variable-instance?processInstanceId=" + f.get().processInstanceId()));
            // the history level keeps no variable-update details (engine/LeanFullHistory): nobody reads any
            checks.add(new Check("GET history/detail (" + key + ")", EnumSet.noneOf(Role.class),
                    () -> "/engine-rest/history/detail?processInstanceId=" + f.get().processInstanceId()));
        }
        for (String key : List.of(AccessMatrix.DISCLOSURE, AccessMatrix.COMPLAINT, AccessMatrix.SDU_RECIPIENT)) {
            Supplier<Fixture> f = () -> fixtures.get(key);
            Set<Role> instanceReaders = EnumSet.copyOf(historyReaders.get(key));
            checks.add(new Check("GET process-instance (" + key + ")", instanceReaders,
                    () -> "/engine-rest/process-instance?processInstanceIds=" + f.get().processInstanceId()));
            checks.add(new Check("GET variable-instance (" + key + ")", EnumSet.of(ADMIN),
                    () -> "/engine-rest/variable-instance?processInstanceIdIn=" + f.get().processInstanceId()));
            checks.add(new Check("GET process-instance/{id}/variables (" + key + ")", EnumSet.of(ADMIN),
                    () -> "/engine-rest/process-instance/" + f.get().processInstanceId() + "/variables"));
        }
        Supplier<Fixture> disclosure = () -> fixtures.get(AccessMatrix.DISCLOSURE);
        for (String tail : List.of("variables", "form-variables", "comment")) {
            checks.add(new Check("GET task/{id}/" + tail + " (data-protection task)", EnumSet.of(DPO, ADMIN),
                    () -> "/engine-rest/task/" + disclosure.get().taskId() + "/" + tail));
        }
        checks.add(new Check("GET history/user-operation (disclosure)", EnumSet.of(DPO, ADMIN),
                () -> "/engine-rest/history/user-operation?processInstanceId=" + disclosure.get().processInstanceId()));
        checks.add(new Check("GET history/decision-instance?includeInputs (disclosure)", EnumSet.of(ADMIN),
                () -> "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true"
                        + "&processInstanceId=" + disclosure.get().processInstanceId()));
        return checks;
    }

    Stream<Arguments> matrix() {
        return RestCalls.everyRole(checks());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void theEngineReadMatrixHoldsBothWays(Check check, Role role) {
        String path = check.path().get();
        ResponseEntity<String> answer = engineRest(role, HttpMethod.GET, path, null);
        int status = answer.getStatusCode().value();
        assertThat(status).as(path + ": " + answer.getBody()).isIn(200, 403, 404);
        boolean seen = status == 200 && read(answer.getBody()).size() > 0;
        assertThat(seen).as("%s as %s: %s", check.name(), role, answer.getBody())
                .isEqualTo(check.allowed().contains(role));
    }

    // --- anonymous callers

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/process-definition", "/engine-rest/process-instance", "/engine-rest/task",
            "/engine-rest/variable-instance", "/engine-rest/history/variable-instance", "/engine-rest/history/detail",
            "/engine-rest/history/process-instance", "/engine-rest/history/decision-instance",
            "/engine-rest/history/user-operation", "/engine-rest/decision-definition", "/engine-rest/deployment",
            "/engine-rest/incident", "/engine-rest/job", "/engine-rest/filter", "/engine-rest/user",
            "/engine-rest/group", "/engine-rest/authorization", "/engine-rest/identity/groups?userId=sec-admin",
            "/engine-rest/version", "/engine-rest/telemetry/data", "/engine-rest/engine/default/task",
            "/engine-rest/metrics/activity-instance-start/sum"})
    void everyEngineRestPathButTheEngineListWantsCredentials(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }

    @Test
    void theEngineListIsTheOnlyAnonymousPath() {
        ResponseEntity<String> engines = http.getForEntity("/engine-rest/engine", String.class);
        assertThat(engines.getStatusCode().value()).isEqualTo(200);
        assertThat(engines.getBody()).contains("default");
    }

    // --- helpers

    long audited(String iin, Role reader, String endpointPrefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_read WHERE subject_iin = ? AND reader = ?"
                + " AND endpoint LIKE ?", Long.class, iin, reader.userId, endpointPrefix + "%");
    }

    ResponseEntity<String> engineRest(Role role, HttpMethod method, String path, Object body) {
        return RestCalls.call(http, role.userId, method, path, body);
    }

    TestRestTemplate as(Role role) {
        return http.withBasicAuth(role.userId, SecurityTestUsers.PASSWORD);
    }

    static Map<String, Object> disclosureBody(String patientIin) {
        return Map.of("requesterKind", "COURT", "requesterName", "Synthetic court",
                "requesterCapacity", "judge in case No. 2-18/2026", "patientIin", patientIin,
                "dataCategories", List.of("DIAGNOSIS"), "purposeKind", "INVESTIGATION_OR_TRIAL",
                "purpose", "civil case", "documentKind", "COURT_REQUEST", "documentRef", "No. 2-18/2026");
    }

    static JsonNode read(String body) {
        return RestCalls.read(body);
    }
}
