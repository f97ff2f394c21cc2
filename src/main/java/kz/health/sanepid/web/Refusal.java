package kz.health.sanepid.web;

import java.util.List;

/**
 * The one refusal a use case throws: the input or the state does not allow what was asked, and nothing was written.
 * The application's own exception: it knows neither HTTP nor the engine. Where it leaves the application it is
 * translated in one place each: to an {@code /api} answer by {@link ApiErrors} (its {@link Kind} is the status), and,
 * thrown inside the engine (a delegate, a listener, a start form), to the engine's refusal of the caller's input by
 * {@code engine/EngineRefusals} (for {@code /engine-rest} and Tasklist) and, on a task's completion, to a form-field
 * refusal by {@code security/EngineWriteDoors}.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal: {@link ApiErrors} answers each with its status. */
    public enum Kind {
        /** The input is not valid. */
        INVALID,
        /** What the input names does not exist, or not for this caller. */
        NOT_FOUND,
        /** The input is well-formed but the state does not allow it now. */
        CONFLICT,
        /** The caller's role may not do this. */
        FORBIDDEN
    }

    private final Kind kind;
    private final String error;
    private final List<String> reasons;
    private final String field;

    /** {@code error}: the short statement of the refusal (the body's {@code error}, and the message). */
    public Refusal(Kind kind, String error, List<String> reasons) {
        this(kind, error, reasons, error, null);
    }

    /**
     * {@code message}: the text the engine and Tasklist show (often the error with its reasons); {@code field}: the
     * form field refused, or null.
     */
    protected Refusal(Kind kind, String error, List<String> reasons, String message, String field) {
        super(message);
        this.kind = kind;
        this.error = error;
        this.reasons = List.copyOf(reasons);
        this.field = field;
    }

    public static Refusal invalid(List<String> reasons) {
        return new Refusal(Kind.INVALID, "the request is invalid", reasons);
    }

    public static Refusal notFound(String error) {
        return new Refusal(Kind.NOT_FOUND, error, List.of());
    }

    public static Refusal conflict(String error) {
        return new Refusal(Kind.CONFLICT, error, List.of());
    }

    public static Refusal forbidden() {
        return new Refusal(Kind.FORBIDDEN, "your role may not do this", List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The short statement of the refusal: the error body's {@code error}. */
    public String error() {
        return error;
    }

    /** Reasons a caller can act on: the error body's {@code reasons}. */
    public List<String> reasons() {
        return reasons;
    }

    /** The form field refused (a task's completion), or null. */
    public String field() {
        return field;
    }
}
