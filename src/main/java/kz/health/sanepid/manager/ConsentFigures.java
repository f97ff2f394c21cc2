package kz.health.sanepid.manager;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts of the consent journal and of the medical-secrecy disclosures for managers (issue 17): consent requests by
 * where they stand (Law 94-V art. 7-9), revocations and refused revocations (art. 8), disclosures by the ground of
 * Health Code art. 95(4) and how they ended, and the four-eyes approvals waiting (grounds 3 and 5). Counts only.
 */
@Service
public class ConsentFigures {

    /** Where a consent stands: its latest state event (REQUESTED alone: no answer yet). */
    static final List<String> STATES = List.of("REQUESTED", "GRANTED", "REFUSED", "EXPIRED", "WITHOUT_CONSENT",
            "LEGAL_GROUND_REJECTED");

    private final JdbcTemplate jdbc;

    public ConsentFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Table consentRequests() {
        String states = "'" + String.join("', '", STATES) + "'";
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0L));
        jdbc.query("SELECT e.event_type, COUNT(*) FROM consent_event e WHERE e.event_type IN (" + states + ") AND e.id ="
                + " (SELECT MAX(x.id) FROM consent_event x WHERE x.consent_id = e.consent_id AND x.event_type IN ("
                + states + ")) GROUP BY e.event_type", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((state, n) -> rows.add(List.of(state, n)));
        rows.add(List.of("ALL", counts.values().stream().mapToLong(Long::longValue).sum()));
        return new Table("consentRequests", List.of("outcome", "consents"), rows);
    }

    public Table revocations() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("REVOKED", 0L);
        counts.put("REVOCATION_REFUSED", 0L);
        jdbc.query("SELECT event_type, COUNT(DISTINCT consent_id) FROM consent_event WHERE event_type IN"
                + " ('REVOKED', 'REVOCATION_REFUSED') GROUP BY event_type", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((kind, n) -> rows.add(List.of(kind, n)));
        return new Table("revocations", List.of("kind", "consents"), rows);
    }

    public Table disclosuresByGround() {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("SELECT COALESCE(proposed_ground, 'NONE'), COUNT(*),"
                + " SUM(CASE WHEN status = 'RECEIVED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'RELEASED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'REFUSED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'RELEASED' AND legal_basis = 'CONSENT' THEN 1 ELSE 0 END)"
                + " FROM disclosure_request GROUP BY COALESCE(proposed_ground, 'NONE')"
                + " ORDER BY COALESCE(proposed_ground, 'NONE')", rs -> {
                    rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                });
        return new Table("disclosuresByGround", List.of("ground", "requests", "open", "released", "refused",
                "releasedOnConsent"), rows);
    }

    /** Grounds 3 and 5 confirmed by the first officer and not yet approved or refused by a second one. */
    public Table fourEyesWaiting() {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("SELECT COUNT(*), MIN(reviewed_at) FROM disclosure_request WHERE status = 'RECEIVED'"
                + " AND second_approval_required = TRUE AND review_decision = 'CONFIRMED' AND approved_at IS NULL",
                rs -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong(1));
                    row.add(oldest == null ? null : oldest.toInstant().toString());
                    rows.add(row);
                });
        return new Table("fourEyesWaiting", List.of("waiting", "oldestConfirmedAt"), rows);
    }
}
