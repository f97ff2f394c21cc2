package kz.health.sanepid.consentservice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * fails at once. Requests are safe to repeat because the service de-duplicates by requestKey.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.consent-service", havingValue = "http")
public class HttpConsentService implements ConsentService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConsentService.class);

    private final URI baseUrl;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final Duration retryPause;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

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
        this.maxAttempts = maxAttempts;
        this.retryPause = retryPause;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        HttpRequest http;
        try {
            http = HttpRequest.newBuilder(baseUrl.resolve("requests")).timeout(readTimeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Idempotency-Key", request.requestKey())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new ConsentServiceException("ДҚБ request could not be written as JSON", e);
        }
        HttpResponse<String> response = send(http, "send a consent request for respondent "
                + IdentificationNumbers.mask(request.respondentIin()));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new ConsentServiceException("ДҚБ refused the consent request: HTTP " + response.statusCode());
        }
        String requestId = text(read(response.body()), "requestId");
        if (requestId == null || requestId.isBlank() || requestId.length() > 40) {
            throw new ConsentServiceException("ДҚБ answer is malformed: requestId missing or longer than 40 characters");
        }
        return requestId;
    }

    @Override
    public Optional<ConsentAnswer> answerOf(String requestId) {
        HttpRequest http = HttpRequest.newBuilder(baseUrl.resolve("requests/"
                        + java.net.URLEncoder.encode(requestId, StandardCharsets.UTF_8)))
                .timeout(readTimeout).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(http, "read the answer to request " + requestId);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ConsentServiceException("ДҚБ refused to tell the answer: HTTP " + response.statusCode());
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

    /** Sends with the bounded retry; returns a response below 500. */
    private HttpResponse<String> send(HttpRequest request, String what) {
        String lastProblem = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() < 500) {
                    return response;
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + readTimeout;
            } catch (IOException e) {
                lastProblem = "I/O error " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsentServiceException("interrupted while trying to " + what, e);
            }
            LOG.warn("ДҚБ attempt {}/{} to {} failed: {}", attempt, maxAttempts, what, lastProblem);
            if (attempt < maxAttempts) {
                pause();
            }
        }
        throw new ConsentServiceException("ДҚБ service failed " + maxAttempts + " times to " + what + ": " + lastProblem);
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

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsentServiceException("interrupted while waiting to retry the ДҚБ service", e);
        }
    }
}
