package kz.health.sanepid.consentservice;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ДҚБ service for the demo and tests, on the table {@code consent_service_request}. It answers at once from
 * configuration ({@code sanepid.consent-service.embedded.*}): a respondent in {@code refuse-iins} refuses, one in
 * {@code pending-iins} leaves the request open, anyone else gets {@code default-answer} (GRANTED, or PENDING to
 * leave every request open). An open request is answered later through {@code POST /api/consent-service/answers},
 * which calls {@link #answer}.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.consent-service", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedConsentService implements ConsentService {

    private final JdbcTemplate jdbc;
    private final Status defaultAnswer;
    private final Set<String> refuseIins;
    private final Set<String> pendingIins;
    private final Clock clock;

    @Autowired
    public EmbeddedConsentService(JdbcTemplate jdbc, ConsentServiceProperties properties, Clock clock) {
        this(jdbc, properties.embedded().defaultAnswer(), properties.embedded().refuseIins(),
                properties.embedded().pendingIins(), clock);
    }

    public EmbeddedConsentService(JdbcTemplate jdbc, Status defaultAnswer, Set<String> refuseIins,
                                  Set<String> pendingIins, Clock clock) {
        if (defaultAnswer == Status.REFUSED) {
            throw new IllegalStateException("sanepid.consent-service.embedded.default-answer must be GRANTED or PENDING");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultAnswer = defaultAnswer;
        this.refuseIins = new TreeSet<>(refuseIins);
        this.pendingIins = new TreeSet<>(pendingIins);
    }

    /** The request id is derived from the request key, so the same key always names the same request. */
    @Override
    public String request(ConsentRequest request) {
        String requestId = "KDP-" + UUID.nameUUIDFromBytes(request.requestKey().getBytes(StandardCharsets.UTF_8));
        Status status = answerFor(request.respondentIin());
        Timestamp now = Timestamp.from(clock.instant());
        InsertOnce.insert(jdbc, "consent_service_request", "request_id", Map.of("request_id", requestId,
                "subject_iin", request.subjectIin(), "respondent_iin", request.respondentIin(),
                "operator_bin", request.operatorBin(), "purpose", request.purpose(),
                "categories", String.join(",", new TreeSet<>(request.categories())), "status", status.name(),
                "requested_at", now));
        if (status != Status.PENDING) {
            jdbc.update("UPDATE consent_service_request SET answered_at = ? WHERE request_id = ? AND answered_at IS NULL",
                    now, requestId);
        }
        return requestId;
    }

    @Override
    public Optional<ConsentAnswer> answerOf(String requestId) {
        return jdbc.query("SELECT request_id, status, answered_at FROM consent_service_request WHERE request_id = ?",
                (rs, i) -> new ConsentAnswer(rs.getString(1), Status.valueOf(rs.getString(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()),
                requestId).stream().findFirst();
    }

    /**
     * Records the respondent's answer to an open request (the service's own state, not the consent journal);
     * false when the request is unknown or already answered.
     */
    public boolean answer(String requestId, Status answer, Instant at) {
        if (answer == Status.PENDING) {
            throw new IllegalArgumentException("an answer is GRANTED or REFUSED");
        }
        return jdbc.update("UPDATE consent_service_request SET status = ?, answered_at = ? WHERE request_id = ?"
                + " AND status = 'PENDING'", answer.name(), Timestamp.from(at), requestId) == 1;
    }

    private Status answerFor(String respondentIin) {
        if (refuseIins.contains(respondentIin)) {
            return Status.REFUSED;
        }
        if (pendingIins.contains(respondentIin)) {
            return Status.PENDING;
        }
        return defaultAnswer;
    }
}
