package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The web settings the issue asks for, checked on the running application: idle sessions end after 15 minutes,
 * the webapps' session cookie is HttpOnly and SameSite=Strict, CSRF protection refuses a state-changing webapp
 * call without its token, security headers are sent, the gateway endpoints want the gateway's secret, and every
 * deployed process and decision has a history time to live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTest {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired ServerProperties server;
    @Autowired RepositoryService repositoryService;

    @BeforeEach
    void users() {
        SecurityTestUsers.create(identityService);
    }

    @Test
    void idleSessionsEndAfterFifteenMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }

    @Test
    void theWebappSessionCookieIsHttpOnlySameSiteAndCsrfGuardsWrites() {
        // the welcome page opens a session and hands out the CSRF token
        ResponseEntity<String> page = http.getForEntity("/camunda/app/welcome/default/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotNull();
        String session = cookie(cookies, "JSESSIONID");
        String xsrf = cookie(cookies, "XSRF-TOKEN");
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookieHeader = cookieHeader(cookies);
        String token = xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'));

        // without the token: refused by the CSRF filter
        ResponseEntity<String> forged = login(cookieHeader, null);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
        // a state-changing engine call through the webapps' API, with the session but without the token: refused
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        json.add(HttpHeaders.COOKIE, cookieHeader);
        ResponseEntity<String> write = http.postForEntity(
                "/camunda/api/engine/engine/default/process-definition/key/public-service-complaint/start",
                new HttpEntity<>(Map.of(), json), String.class);
        assertThat(write.getStatusCode().value()).isIn(401, 403);
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        // with a wrong token, in a fresh session (a refusal ends the session it came in): refused as well
        String fresh = cookieHeader(http.getForEntity("/camunda/app/welcome/default/", String.class).getHeaders()
                .get(HttpHeaders.SET_COOKIE));
        assertThat(login(fresh, "0".repeat(token.length())).getStatusCode().value()).isEqualTo(403);
    }

    /** The webapps' login as a forged page would send it: the session's cookies, and the given CSRF token or none. */
    ResponseEntity<String> login(String cookieHeader, String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", Role.MANAGER.userId);
        form.add("password", SecurityTestUsers.PASSWORD);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader);
        if (token != null) {
            headers.add("X-XSRF-TOKEN", token);
        }
        return http.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit", new HttpEntity<>(form, headers),
                String.class);
    }

    /** The Cookie header that sends back the session and the CSRF cookie of a response. */
    static String cookieHeader(List<String> setCookies) {
        String session = cookie(setCookies, "JSESSIONID");
        String xsrf = cookie(setCookies, "XSRF-TOKEN");
        return session.substring(0, session.indexOf(';')) + "; " + xsrf.substring(0, xsrf.indexOf(';'));
    }

    static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    @Test
    void theWebappsSendSecurityHeaders() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/welcome/default/", String.class);
        HttpHeaders headers = page.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-XSS-Protection")).isNotBlank();
    }

    @Test
    void theGatewayEndpointsWantTheGatewaysSecret() {
        for (String path : List.of("/api/sms/inbound", "/api/consent-service/answers")) {
            for (String secret : new String[] {null, "", "wrong-secret-of-some-length", "demo-sms-gateway-secret-2026x",
                    "demo-sms-gateway-secret-2026", "demo-consent-service-secret-2026"}) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                if (secret != null) {
                    headers.set(GatewaySignature.SECRET_HEADER, secret);
                }
                ResponseEntity<String> answer = http.postForEntity(path, new HttpEntity<>(Map.of("from", "+77011234567",
                        "text", "1", "receivedAt", "2026-05-01T10:00:00Z"), headers), String.class);
                assertThat(answer.getStatusCode().value()).as(path + " with " + secret).isEqualTo(401);
            }
        }
    }

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLive() {
        List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isPositive());
        List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(decisions).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    }
}
