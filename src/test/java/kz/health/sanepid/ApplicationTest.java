package kz.health.sanepid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The application starts, deploys what analysts edit in one deployment, and refuses anonymous callers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationTest {

    static final String USER = "calendar-reader";
    static final String PASSWORD = "Test#Reader2026";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void user() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
    }

    @Test
    void processesAndFormsFromTheTopLevelFoldersAreDeployedTogether() {
        List<Deployment> deployments = repositoryService.createDeploymentQuery().list();
        assertThat(deployments).hasSize(1);
        List<String> names = repositoryService.getDeploymentResources(deployments.get(0).getId()).stream()
                .map(Resource::getName).toList();
        assertThat(names).anyMatch(n -> n.endsWith(".bpmn"));
        assertThat(names).anyMatch(n -> n.endsWith(".form"));
    }

    @Test
    void anonymousCallersGet401() {
        for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task", "/api/calendar/days-off?year=2026",
                "/api/calendar/deadline?from=2026-03-20&workingDays=5")) {
            ResponseEntity<String> answer = http.getForEntity(path, String.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.withBasicAuth(USER, "wrong-password").getForEntity("/api/calendar/days-off?year=2026",
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theCalendarAnswersAuthenticatedCallers() {
        ResponseEntity<String> deadline = http.withBasicAuth(USER, PASSWORD)
                .getForEntity("/api/calendar/deadline?from=2026-03-20&workingDays=5", String.class);
        assertThat(deadline.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deadline.getBody()).contains("\"deadline\":\"2026-04-01\"");
        ResponseEntity<String> daysOff = http.withBasicAuth(USER, PASSWORD)
                .getForEntity("/api/calendar/days-off?year=2026", String.class);
        assertThat(daysOff.getBody()).contains("\"2026-03-23\"", "\"2026-05-27\"").doesNotContain("2026-08-31");
        assertThat(http.withBasicAuth(USER, PASSWORD).getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badCalendarInputIsRefusedWithAReason() {
        ResponseEntity<String> answer = http.withBasicAuth(USER, PASSWORD)
                .getForEntity("/api/calendar/deadline?from=20-03-2026&workingDays=5", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("from: must be a date YYYY-MM-DD").doesNotContain("Exception");
        assertThat(http.withBasicAuth(USER, PASSWORD)
                .getForEntity("/api/calendar/deadline?from=2026-03-20&workingDays=0", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyAdministratorsAddCalendarEntries() {
        ResponseEntity<String> answer = http.withBasicAuth(USER, PASSWORD).postForEntity("/api/calendar/entries",
                java.util.Map.of("day", "2026-12-31", "kind", "DAY_OFF", "description", "x"), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void weakPasswordsAreRefusedByThePolicy() {
        User weak = identityService.newUser("weak-user");
        weak.setPassword("password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> identityService.saveUser(weak))
                .hasMessageMatching("(?i).*password.*");
    }
}
