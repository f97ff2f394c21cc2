package kz.health.sanepid.consentservice;

/**
 * The ДҚБ service could not be used: not reachable, too slow, failing, or answering something we cannot read. A
 * technical failure: the job calling it is retried and then becomes an incident.
 */
public class ConsentServiceException extends RuntimeException {

    public ConsentServiceException(String message) {
        super(message);
    }

    public ConsentServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
