package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureTestData.freshIin;
import static kz.health.sanepid.disclosure.DisclosureTestData.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** POST/GET /api/disclosures: validation (400, nothing started), who may register, who may read, the read audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DisclosureApiTest {

    static final String OFFICER = "api-legal-officer";
    static final String MANAGER = "api-manager";
    static final String PASSWORD = "Test#Zanger2026";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        user(OFFICER, Roles.DATA_PROTECTION_OFFICERS);
        user(MANAGER, Roles.MANAGERS);
    }

    @Test
    void malformedRequestsAreRefusedWithReasonsAndStartNothing() {
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureProcess.PROCESS_ID)
                .count();
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_request", Integer.class);

        ResponseEntity<String> badIin = post(OFFICER, json("COURT", "850501300012"));
        assertThat(badIin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badIin.getBody()).contains("patientIin: IIN check digit is wrong").doesNotContain("850501300012");

        ResponseEntity<String> badKind = post(OFFICER, json("JOURNALIST", freshIin()));
        assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKind.getBody()).contains("requesterKind: unknown code");

        Map<String, Object> noCategories = new HashMap<>(json("COURT", freshIin()));
        noCategories.put("dataCategories", List.of());
        noCategories.remove("documentRef");
        ResponseEntity<String> incomplete = post(OFFICER, noCategories);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody()).contains("dataCategories: at least one", "documentRef: is required");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureProcess.PROCESS_ID)
                .count()).isEqualTo(instances);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_request", Integer.class)).isEqualTo(rows);
    }

    @Test
    void onlyLegalOfficersRegisterRequests() {
        assertThat(post(MANAGER, json("COURT", freshIin())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/disclosures", json("COURT", freshIin()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theOfficerReadsAllAndThePatientReadsOwnDisclosuresAndEveryReadIsAudited() {
        String patient = freshIin();
        ResponseEntity<DisclosureController.Registered> registered = http.withBasicAuth(OFFICER, PASSWORD)
                .postForEntity("/api/disclosures", json("COURT", patient), DisclosureController.Registered.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = registered.getBody().disclosureId();
        Task review = taskService.createTaskQuery().processInstanceId(registered.getBody().processInstanceId())
                .singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(DisclosureProcess.TASK_REVIEW_GROUND);
        assertThat(jdbc.queryForObject("SELECT registered_by FROM disclosure_request WHERE id = ?", String.class, id))
                .isEqualTo(OFFICER);

        ResponseEntity<String> officerView = get(OFFICER, patient);
        assertThat(officerView.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(officerView.getBody()).contains(id, "\"registeredBy\":\"" + OFFICER + "\"", "GROUND_3");

        String citizen = DisclosureController.CITIZEN_PREFIX + patient;
        user(citizen, null);
        ResponseEntity<String> patientView = get(citizen, patient);
        assertThat(patientView.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(patientView.getBody()).contains(id, "\"requesterKind\":\"COURT\"", "\"status\":\"RECEIVED\"")
                .doesNotContain("registeredBy", OFFICER, "reviewComment");

        assertThat(audits(patient)).containsExactlyInAnyOrder(OFFICER, citizen);

        // not another person's, not other roles, not a malformed IIN
        assertThat(get(citizen, freshIin()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(MANAGER, patient).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(OFFICER, "12345").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(audits(patient)).hasSize(2);
    }

    private List<String> audits(String iin) {
        return jdbc.queryForList("SELECT reader FROM audit_read WHERE subject_iin = ? AND endpoint = ?", String.class,
                iin, DisclosureController.ENDPOINT);
    }

    private ResponseEntity<String> post(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/disclosures", body, String.class);
    }

    private ResponseEntity<String> get(String user, String iin) {
        return http.withBasicAuth(user, PASSWORD).getForEntity("/api/disclosures?iin=" + iin, String.class);
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        if (group != null) {
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                identityService.saveGroup(identityService.newGroup(group));
            }
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }
}
