package kz.health.sanepid.consentservice;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.http.JsonHttpClient;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The ДҚБ service over HTTP with JSON (selected by {@code sanepid.adapters.consent-service=http}). No public API of
 * the real service is known, so this adapter speaks a small contract that a Smart Bridge gateway can map:
 *
 * <pre>
 * POST {base-url}/requests                       Content-Type: application/json, Idempotency-Key: {requestKey}
 *   {"requestKey","subjectIin","respondentIin","operatorBin","purpose","categories":["NAME",...]}
 *   -> 200 or 201 {"requestId": "..."}          the same requestKey always yields the same requestId
 * GET  {base-url}/requests/{requestId}
 *   -> 200 {"status": "PENDING"|"GRANTED"|"REFUSED", "answeredAt": ISO-8601 instant or null}
 *   -> 404                                       the service does not know the request
 * </pre>
 *
 * Each call has a connect time-out and a read time-out ({@code sanepid.consent-service.http.*}); a time-out, an I/O
 * error or a 5xx is retried up to {@code max-attempts} in all with a fixed pause, then fails with a
 * {@link ConsentServiceException}; a 4xx (other than 404 on reading) or a body that does not match the contract
 * fails at once. Requests are safe to repeat because the service de-duplicates by requestKey. The requests go
 * through a {@link JsonHttpClient} of this adapter's own (its time-outs, tries and pause, HTTP/1.1), which holds the
 * one retry loop; this class says what the answers and the failures mean.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.consent-service", havingValue = "http")
public class HttpConsentService implements ConsentService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConsentService.class);

    private final URI baseUrl;
    private final Duration readTimeout;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonHttpClient client;

    @Autowired
    public HttpConsentService(ConsentServiceProperties properties) {
        this(required(properties.http().baseUrl()), properties.http().connectTimeout(),
                properties.http().readTimeout(), properties.http().maxAttempts(), properties.http().retryPause());
    }

    private static String required(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("sanepid.consent-service.http.base-url is required by the http adapter");
        }
        return baseUrl;
    }

    public HttpConsentService(String baseUrl, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                              Duration retryPause) {
        if (maxAttempts < 1) {
            throw new IllegalStateException("sanepid.consent-service.http.max-attempts must be at least 1");
        }
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.readTimeout = readTimeout;
        this.client = new JsonHttpClient(json, connectTimeout, readTimeout, maxAttempts, retryPause,
                HttpClient.Version.HTTP_1_1);
    }

    @Override
    public String request(ConsentRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestKey", request.requestKey());
        body.put("subjectIin", request.subjectIin());
        body.put("respondentIin", request.respondentIin());
        body.put("operatorBin", request.operatorBin());
        body.put("purpose", request.purpose());
        body.put("categories", new TreeSet<>(request.categories()));
        byte[] json;
        try {
            json = this.json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ConsentServiceException("ДҚБ request could not be written as JSON", e);
        }
        JsonHttpClient.Answer response = client.send(HttpMethod.POST, baseUrl.resolve("requests"), json,
                Map.of("Idempotency-Key", request.requestKey()),
                failures("send a consent request for respondent " + IdentificationNumbers.mask(request.respondentIin())));
        if (response.status() != 200 && response.status() != 201) {
            throw new ConsentServiceException("ДҚБ refused the consent request: HTTP " + response.status());
        }
        String requestId = text(read(response.body()), "requestId");
        if (requestId == null || requestId.isBlank() || requestId.length() > 40) {
            throw new ConsentServiceException("ДҚБ answer is malformed: requestId missing or longer than 40 characters");
        }
        return requestId;
    }

    @Override
    public Optional<ConsentAnswer> answerOf(String requestId) {
        JsonHttpClient.Answer response = client.send(HttpMethod.GET,
                baseUrl.resolve("requests/" + URLEncoder.encode(requestId, StandardCharsets.UTF_8)), null, Map.of(),
                failures("read the answer to request " + requestId));
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new ConsentServiceException("ДҚБ refused to tell the answer: HTTP " + response.status());
        }
        JsonNode node = read(response.body());
        Status status;
        try {
            status = Status.valueOf(String.valueOf(text(node, "status")));
        } catch (IllegalArgumentException e) {
            throw new ConsentServiceException("ДҚБ answer is malformed: status must be PENDING, GRANTED or REFUSED");
        }
        String answeredAt = text(node, "answeredAt");
        try {
            return Optional.of(new ConsentAnswer(requestId, status, answeredAt == null ? null : Instant.parse(answeredAt)));
        } catch (DateTimeParseException e) {
            throw new ConsentServiceException("ДҚБ answer is malformed: answeredAt is not an ISO-8601 instant");
        }
    }

    /** This adapter's reading of the client's failures: a warning per failed attempt, its own exceptions. */
    private JsonHttpClient.Failures failures(String what) {
        return new JsonHttpClient.Failures() {
            @Override
            public void attemptFailed(int attempt, int attempts, JsonHttpClient.Failure failure) {
                LOG.warn("ДҚБ attempt {}/{} to {} failed: {}", attempt, attempts, what, problem(failure));
            }

            @Override
            public RuntimeException exhausted(int attempts, JsonHttpClient.Failure last) {
                return new ConsentServiceException("ДҚБ service failed " + attempts + " times to " + what + ": "
                        + problem(last));
            }

            @Override
            public RuntimeException interrupted(Exception cause) {
                return new ConsentServiceException("interrupted while trying to " + what, cause);
            }

            @Override
            public RuntimeException interruptedWhilePausing(InterruptedException cause) {
                return new ConsentServiceException("interrupted while waiting to retry the ДҚБ service", cause);
            }
        };
    }

    private String problem(JsonHttpClient.Failure failure) {
        if (failure.error() == null) {
            return "HTTP " + failure.status();
        }
        return failure.timedOut() ? "no answer within " + readTimeout
                : "I/O error " + failure.error().getClass().getSimpleName();
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ConsentServiceException("ДҚБ answer is malformed: a JSON object was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConsentServiceException("ДҚБ answer is malformed: not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ConsentServiceException("ДҚБ answer is malformed: " + field + " must be a string");
        }
        return value.asText();
    }
}
