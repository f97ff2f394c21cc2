package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every answer of /api and /engine-rest, refusals included, says no-store and nosniff; /engine-rest has a body
 * limit too; Camunda's first-run setup is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiHeadersTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;

    @Test
    void apiAndEngineRestAnswersAreNotCachedNorSniffed() {
        SecurityTestUsers.create(identityService);
        for (String path : List.of("/api/calendar/days-off?year=2026", "/engine-rest/process-definition/count")) {
            for (boolean authenticated : new boolean[] {false, true}) {
                HttpHeaders headers = new HttpHeaders();
                if (authenticated) {
                    headers.setBasicAuth(SecurityTestUsers.Role.ADMIN.userId, SecurityTestUsers.PASSWORD,
                            StandardCharsets.UTF_8);
                }
                ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                        String.class);
                assertThat(answer.getStatusCode().value()).as(path).isEqualTo(authenticated ? 200 : 401);
                assertThat(answer.getHeaders().getCacheControl()).as(path).isEqualTo("no-store");
                assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                // no TLS here (sanepid.security.tls is false in the tests): no HSTS on plain HTTP
                assertThat(answer.getHeaders().getFirst("Strict-Transport-Security")).as(path).isNull();
            }
        }
    }

    @Test
    void anOversizedEngineRestBodyIsRefusedBeforeAuthentication() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"x\":\"" + "a".repeat(2_100_000) + "\"}";
        ResponseEntity<String> answer = http.exchange("/engine-rest/process-instance", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void theFirstRunSetupIsClosed() {
        String user = "intruder-" + System.nanoTime();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                new HttpEntity<>("{\"profile\":{\"id\":\"" + user + "\"},\"credentials\":{\"password\":\"Intr#uder-2026x\"}}",
                        headers), String.class);
        assertThat(answer.getStatusCode().value()).isIn(403, 404);
        assertThat(identityService.createUserQuery().userId(user).count()).isZero();
    }
}
