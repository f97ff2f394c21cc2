package kz.health.sanepid.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A controller's {@link Refusal} named by its HTTP status (400, 403, 404 or 409): for the web layer only; use cases
 * throw {@link Refusal} itself.
 */
public class ApiException extends Refusal {

    public ApiException(HttpStatus status, String message, List<String> reasons) {
        super(kindOf(status), message, reasons);
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
        return ApiErrors.status(kind());
    }

    private static Kind kindOf(HttpStatus status) {
        for (Kind kind : Kind.values()) {
            if (ApiErrors.status(kind) == status) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a refusal is 400, 403, 404 or 409, not " + status.value());
    }
}
