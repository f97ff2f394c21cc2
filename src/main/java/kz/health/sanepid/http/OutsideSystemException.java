package kz.health.sanepid.http;

/**
 * An outside system did not answer usefully (unreachable, slow, 5xx, malformed body). A technical failure: the
 * engine retries the job and then raises an incident. The message never holds personal data.
 */
public class OutsideSystemException extends RuntimeException {
    public OutsideSystemException(String system, String reason, Throwable cause) {
        super(system + ": " + reason, cause);
    }

    public OutsideSystemException(String system, String reason) {
        this(system, reason, null);
    }
}
