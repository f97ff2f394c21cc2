package kz.health.sanepid.web;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of {@code /api/**} as JSON {status, error, reasons} (and {@code at} where a controller answers): a
 * clear reason, never a stack trace.
 *
 * <p>Not Spring's {@link org.springframework.http.ProblemDetail} (RFC 9457): its members are {@code type, title,
 * status, detail, instance} and its media type {@code application/problem+json}, so serving it would add members,
 * move {@code error} to {@code title} or {@code detail} and change the content type that every client, the gateway
 * and the tests read; the same body also leaves the servlet filters and Tomcat's error valve
 * ({@link #json}), where no ProblemDetail converter runs. The contract stays this shape; a move to RFC 9457 would be
 * a versioned change of the API, not a refactoring.
 *
 * <p>Bean Validation: the {@code @ConfigurationProperties} records ({@code @Validated}) are checked with it at start.
 * The controllers check their requests by hand and refuse with a {@link Refusal} listing every reason (see
 * SmsController.inbound for why); the two Bean Validation handlers below stay for any {@code @Valid} argument or
 * constrained parameter, so that one would answer in this shape too.
 */
@RestControllerAdvice(basePackages = "kz.health.sanepid")
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every use case's and controller's refusal: its kind is the status (the one mapping of {@link Refusal}). */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        return body(status(e.kind()), e.error(), e.reasons());
    }

    /** The status a refusal of this kind answers with. */
    static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        List<String> reasons = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList();
        return body(HttpStatus.BAD_REQUEST, "the request is invalid", reasons);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException e) {
        List<String> reasons = e.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage())).toList();
        return body(HttpStatus.BAD_REQUEST, "the request is invalid", reasons);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "the body is not valid JSON of the expected shape", List.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        String reason = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName() + ": is required"
                : ((MethodArgumentTypeMismatchException) e).getName() + ": has the wrong type";
        return body(HttpStatus.BAD_REQUEST, "the request is invalid", List.of(reason));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed here", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchPath(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "no such endpoint", List.of());
    }

    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Map<String, Object>> notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, "your role may not do this", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception e) {
        LOG.error("request failed: {}", e.getClass().getName());
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the request was not carried out", List.of());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, List<String> reasons) {
        Map<String, Object> body = fields(status.value(), error, reasons);
        body.put("at", Instant.now().toString());
        return ResponseEntity.status(status).body(body);
    }

    /**
     * The same body as text, for the places no controller reaches: the servlet filters that refuse a request before
     * it gets there, and Tomcat's error valve ({@link JsonErrorReportValve}).
     */
    public static String json(int status, String error, List<String> reasons) {
        try {
            return JSON.writeValueAsString(fields(status, error, reasons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of strings could not be written", e);
        }
    }

    /** Refuses the request with {@code status} and the JSON body, from a servlet filter. */
    public static void refuse(HttpServletResponse response, int status, String error, List<String> reasons)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, error, reasons));
    }

    private static Map<String, Object> fields(int status, String error, List<String> reasons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("reasons", reasons);
        return body;
    }
}
