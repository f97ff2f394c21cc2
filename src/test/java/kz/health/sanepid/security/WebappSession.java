package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A session of the webapps (Tasklist, Cockpit) as a browser holds it: signed in with its CSRF token. */
final class WebappSession {

    private final TestRestTemplate http;
    private final String cookieHeader;

    private WebappSession(TestRestTemplate http, String cookieHeader) {
        this.http = http;
        this.cookieHeader = cookieHeader;
    }

    /** Signs in to a webapp as its login page does (session cookie and CSRF token). */
    static WebappSession logIn(TestRestTemplate http, Role role, String app) {
        return logIn(http, role.userId, app);
    }

    static WebappSession logIn(TestRestTemplate http, String userId, String app) {
        List<String> cookies = http.getForEntity("/camunda/app/" + app + "/default/", String.class).getHeaders()
                .get(HttpHeaders.SET_COOKIE);
        String cookieHeader = cookieHeader(cookies);
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String token = xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", SecurityTestUsers.PASSWORD);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader);
        headers.add("X-XSRF-TOKEN", token);
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
        List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
        return new WebappSession(http, renewed == null ? cookieHeader : cookieHeader(renewed));
    }

    /** A read through the webapps' own API (what Tasklist's and Cockpit's pages call). */
    ResponseEntity<String> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookieHeader);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    static String cookieHeader(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    }
}
