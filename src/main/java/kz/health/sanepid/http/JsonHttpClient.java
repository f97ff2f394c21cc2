package kz.health.sanepid.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * JSON over HTTP for the adapters of outside systems, on Spring's {@link RestClient} over the JDK's
 * {@link HttpClient}: a connect and a request time-out, a bounded number of retries on network errors and 5xx
 * (every call is idempotent: look-ups, or writes keyed by an idempotency key), 404 read as "no such record",
 * anything else as an {@link OutsideSystemException}. Identifiers travel in bodies, never in URLs, so no IIN reaches
 * an access log. The ДҚБ consent service's adapter uses the same client through {@link #send}, with its own
 * time-outs, tries, pause and exceptions.
 *
 * <p>The retry loop is written here rather than taken from a library: Spring Framework 6.2 has no retry support of
 * its own (it arrives in 7.0), and spring-retry is not on the class path; a new dependency for one loop of a few
 * lines is not worth it.
 */
@Component
public class JsonHttpClient {

    private final RestClient rest;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final int attempts;
    private final Duration retryPause;

    @Autowired
    public JsonHttpClient(ObjectMapper json, AdapterProperties properties) {
        this(json, properties.connectTimeout(), properties.requestTimeout(), properties.attempts());
    }

    public JsonHttpClient(ObjectMapper json, Duration connectTimeout, Duration requestTimeout, int attempts) {
        this(json, connectTimeout, requestTimeout, attempts, Duration.ZERO, HttpClient.Version.HTTP_2);
    }

    /**
     * @param requestTimeout time for one answer (its headers and its body)
     * @param attempts       tries per call, at least 1
     * @param retryPause     pause between tries
     * @param version        the HTTP version the JDK client asks for first
     */
    public JsonHttpClient(ObjectMapper json, Duration connectTimeout, Duration requestTimeout, int attempts,
                          Duration retryPause, HttpClient.Version version) {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(requestTimeout);
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.attempts = Math.max(1, attempts);
        this.retryPause = retryPause;
    }

    /** POSTs the body and reads the answer as {@code type}; empty on 404. */
    public <T> Optional<T> post(String system, String url, Object body, Class<T> type) {
        return exchange(system, url, HttpMethod.POST, body, json.constructType(type));
    }

    /** POSTs the body and reads the answer as {@code type} (a collection type, say); empty on 404. */
    public <T> Optional<T> post(String system, String url, Object body, JavaType type) {
        return exchange(system, url, HttpMethod.POST, body, type);
    }

    /** PUTs the body; the answer's body is ignored. */
    public void put(String system, String url, Object body) {
        exchange(system, url, HttpMethod.PUT, body, null);
    }

    public ObjectMapper json() {
        return json;
    }

    /** An answer below 500: its status and its body, decoded by its charset (UTF-8 if it names none). */
    public record Answer(int status, String body) {
    }

    /** Why one attempt failed: a status of 500 or more, or (status 0) an I/O error. */
    public record Failure(int status, IOException error) {
        /** The answer (or the connection) did not come within its time-out. */
        public boolean timedOut() {
            return error instanceof HttpTimeoutException;
        }
    }

    /** What a caller of {@link #send} makes of failures: its own exceptions and messages, and logging if it wants. */
    public interface Failures {
        /** Called after each failed attempt, the last one too. */
        default void attemptFailed(int attempt, int attempts, Failure failure) {
        }

        /** The exception thrown when every attempt failed; {@code last} is the last attempt's failure. */
        RuntimeException exhausted(int attempts, Failure last);

        /** The exception thrown when the thread was interrupted during a request (its interrupt flag is set). */
        RuntimeException interrupted(Exception cause);

        /** The exception thrown when the thread was interrupted during the pause between attempts. */
        default RuntimeException interruptedWhilePausing(InterruptedException cause) {
            return interrupted(cause);
        }
    }

    /**
     * Sends one request, with {@code Accept: application/json} and, when there is a body, {@code Content-Type:
     * application/json}, retrying a 5xx, a time-out or an I/O error up to the number of attempts with the pause
     * between them; returns the first answer below 500. Nothing is read into JSON here: the caller does that.
     */
    public Answer send(HttpMethod method, URI uri, byte[] jsonBody, Map<String, String> headers, Failures failures) {
        Failure last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(failures);
            }
            try {
                Answer answer = once(method, uri, jsonBody, headers);
                if (answer.status() < 500) {
                    return answer;
                }
                last = new Failure(answer.status(), null);
            } catch (ResourceAccessException e) {
                IOException error = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
                if (error.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    throw failures.interrupted(error);
                }
                last = new Failure(0, error);
            }
            failures.attemptFailed(attempt, attempts, last);
        }
        throw failures.exhausted(attempts, last);
    }

    private Answer once(HttpMethod method, URI uri, byte[] jsonBody, Map<String, String> headers) {
        RestClient.RequestBodySpec request = rest.method(method).uri(uri).accept(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set));
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(), text(response)));
    }

    private static String text(ClientHttpResponse response) throws IOException {
        MediaType type = response.getHeaders().getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return StreamUtils.copyToString(response.getBody(), charset);
    }

    private void pause(Failures failures) {
        if (retryPause.isZero()) {
            return;
        }
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.interruptedWhilePausing(e);
        }
    }

    private <T> Optional<T> exchange(String system, String url, HttpMethod method, Object body, JavaType type) {
        URI uri;
        byte[] bytes;
        try {
            uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OutsideSystemException(system, "request could not be formed", e);
        }
        Answer answer = send(method, uri, bytes, Map.of(), new Failures() {
            @Override
            public RuntimeException exhausted(int attempts, Failure last) {
                if (last.error() == null) {
                    return new OutsideSystemException(system, "answered " + last.status());
                }
                if (last.timedOut()) {
                    return new OutsideSystemException(system, "did not answer within " + requestTimeout, last.error());
                }
                return new OutsideSystemException(system,
                        "unreachable (" + last.error().getClass().getSimpleName() + ")", last.error());
            }

            @Override
            public RuntimeException interrupted(Exception cause) {
                return new OutsideSystemException(system, "interrupted", cause);
            }
        });
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() >= 300) {
            throw new OutsideSystemException(system, "refused the request with " + answer.status());
        }
        try {
            return type == null ? Optional.empty() : Optional.ofNullable(json.readValue(answer.body(), type));
        } catch (JsonProcessingException e) {
            throw new OutsideSystemException(system, "answered with a malformed body", e);
        }
    }
}
