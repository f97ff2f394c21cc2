package kz.health.sanepid.web;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The one refusal a use case throws: the input or the state does not allow what was asked, and nothing was written.
 * It knows no HTTP: its {@link Kind} is mapped to a status in one place, {@link ApiErrors}. A
 * {@link BadUserRequestException}, so that inside the engine (a delegate, a task listener, a start form) it is a
 * refusal of the caller's input: {@code /engine-rest} answers 400, Tasklist shows the message, and a task's
 * completion becomes a form-field refusal ({@code security/EngineWriteDoors}).
 */
public class Refusal extends BadUserRequestException {

    /** What kind of refusal: the status {@link ApiErrors} answers with. */
    public enum Kind {
        /** The input is not valid (400). */
        INVALID(400),
        /** What the input names does not exist, or not for this caller (404). */
        NOT_FOUND(404),
        /** The input is well-formed but the state does not allow it now (409). */
        CONFLICT(409),
        /** The caller's role may not do this (403). */
        FORBIDDEN(403);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
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
