package kz.health.sanepid.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The security tests' HTTP calls as a user, JSON answers, and the role-by-check matrices. */
final class RestCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestCalls() {
    }

    /** A JSON call with HTTP Basic credentials of the user. */
    static ResponseEntity<String> call(TestRestTemplate http, String userId, HttpMethod method, String path,
            Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(userId, SecurityTestUsers.PASSWORD).exchange(path, method,
                new HttpEntity<>(body, headers), String.class);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Every check against every role: the arguments of a parameterised matrix test. */
    static Stream<Arguments> everyRole(List<?> checks) {
        List<Arguments> arguments = new ArrayList<>();
        for (Object check : checks) {
            for (Role role : Role.values()) {
                arguments.add(Arguments.of(check, role));
            }
        }
        return arguments.stream();
    }
}
