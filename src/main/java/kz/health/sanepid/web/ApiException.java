package kz.health.sanepid.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A refusal with a status and reasons a caller can act on; nothing was written. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> reasons;

    public ApiException(HttpStatus status, String message, List<String> reasons) {
        super(message);
        this.status = status;
        this.reasons = List.copyOf(reasons);
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public static ApiException badRequest(List<String> reasons) {
        return new ApiException(HttpStatus.BAD_REQUEST, "the request is invalid", reasons);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "your role may not do this");
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> reasons() {
        return reasons;
    }
}
