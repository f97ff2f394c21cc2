package kz.health.sanepid.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * JSON over HTTP for the adapters of outside systems: a connect and a request time-out, a bounded number of
 * retries on network errors and 5xx (every call is idempotent: look-ups, or writes keyed by an idempotency key),
 * 404 read as "no such record", anything else as an {@link OutsideSystemException}. Identifiers travel in
 * bodies, never in URLs, so no IIN reaches an access log.
 */
@Component
public class JsonHttpClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final int attempts;

    @Autowired
    public JsonHttpClient(ObjectMapper json, AdapterProperties properties) {
        this(json, properties.connectTimeout(), properties.requestTimeout(), properties.attempts());
    }

    public JsonHttpClient(ObjectMapper json, Duration connectTimeout, Duration requestTimeout, int attempts) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.attempts = Math.max(1, attempts);
    }

    /** POSTs the body and reads the answer as {@code type}; empty on 404. */
    public <T> Optional<T> post(String system, String url, Object body, Class<T> type) {
        return exchange(system, url, "POST", body, json.constructType(type));
    }

    /** POSTs the body and reads the answer as {@code type} (a collection type, say); empty on 404. */
    public <T> Optional<T> post(String system, String url, Object body, JavaType type) {
        return exchange(system, url, "POST", body, type);
    }

    /** PUTs the body; the answer's body is ignored. */
    public void put(String system, String url, Object body) {
        exchange(system, url, "PUT", body, null);
    }

    public ObjectMapper json() {
        return json;
    }

    private <T> Optional<T> exchange(String system, String url, String method, Object body, JavaType type) {
        HttpRequest request = request(system, url, method, body);
        OutsideSystemException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 404) {
                    return Optional.empty();
                }
                if (status >= 500) {
                    last = new OutsideSystemException(system, "answered " + status);
                    continue;
                }
                if (status >= 300) {
                    throw new OutsideSystemException(system, "refused the request with " + status);
                }
                return type == null ? Optional.empty() : Optional.ofNullable(json.readValue(response.body(), type));
            } catch (HttpTimeoutException e) {
                last = new OutsideSystemException(system, "did not answer within " + requestTimeout, e);
            } catch (JsonProcessingException e) {
                throw new OutsideSystemException(system, "answered with a malformed body", e);
            } catch (IOException e) {
                last = new OutsideSystemException(system, "unreachable (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutsideSystemException(system, "interrupted", e);
            }
        }
        throw last;
    }

    private HttpRequest request(String system, String url, String method, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OutsideSystemException(system, "request could not be formed", e);
        }
    }
}
