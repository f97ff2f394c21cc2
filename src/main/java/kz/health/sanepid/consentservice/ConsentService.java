package kz.health.sanepid.consentservice;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Port to the state service for control of access to personal data (ДҚБ / КДП), reached through Smart Bridge
 * (Law 94-V art. 1 p. 2-1, art. 8; 004 order item 4.2). No public API of the real service is known, so the
 * contract is kept small: send a request to the person who answers for the subject, and read its answer.
 */
public interface ConsentService {

    /**
     * Sends a consent request; {@code requestKey} names it, so a retried call returns the same request id and
     * asks the person once.
     */
    String request(ConsentRequest request);

    /** The answer so far; empty when the service does not know the request. */
    Optional<ConsentAnswer> answerOf(String requestId);

    enum Status { PENDING, GRANTED, REFUSED }

    record ConsentRequest(String requestKey, String subjectIin, String respondentIin, String operatorBin,
                          String purpose, Set<String> categories) {
    }

    record ConsentAnswer(String requestId, Status status, Instant answeredAt) {
    }
}
