package kz.health.sanepid.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What bars a subject's revocation toward an operator (Law 94-V art. 8): an unfulfilled obligation, or a law that
 * requires the processing. Kept in {@code consent_obligation}.
 */
@Component
public class ConsentObligations {

    public enum Kind { UNFULFILLED_OBLIGATION, STATUTORY_REQUIREMENT }

    public record Obligation(long id, Kind kind, String description, String legalReference) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsentObligations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void register(String subjectIin, String operatorBin, Kind kind, String description, String legalReference) {
        jdbc.update("INSERT INTO consent_obligation (subject_iin, operator_bin, obligation_kind, description,"
                        + " legal_reference, registered_at) VALUES (?, ?, ?, ?, ?, ?)", subjectIin, operatorBin,
                kind.name(), description, legalReference, Timestamp.from(clock.instant()));
    }

    /**
     * Registers the obligation a process owns under {@code reference} (for example an SDU re-issue under way), once
     * however often its job runs; true when registered now.
     */
    public boolean registerOnce(String reference, String subjectIin, String operatorBin, Kind kind, String description,
                                String legalReference) {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("reference", reference);
        row.put("subject_iin", subjectIin);
        row.put("operator_bin", operatorBin);
        row.put("obligation_kind", kind.name());
        row.put("description", description);
        row.put("legal_reference", legalReference);
        row.put("registered_at", Timestamp.from(clock.instant()));
        return kz.health.sanepid.jdbc.InsertOnce.insert(jdbc, "consent_obligation", "reference", row);
    }

    /** The obligation registered under {@code reference} is fulfilled (or ended); nothing when none is open. */
    public void fulfil(String reference) {
        jdbc.update("UPDATE consent_obligation SET fulfilled_at = ? WHERE reference = ? AND fulfilled_at IS NULL",
                Timestamp.from(clock.instant()), reference);
    }

    /** Those not yet fulfilled. */
    public List<Obligation> open(String subjectIin, String operatorBin) {
        return jdbc.query("SELECT id, obligation_kind, description, legal_reference FROM consent_obligation"
                        + " WHERE subject_iin = ? AND operator_bin = ? AND fulfilled_at IS NULL ORDER BY id",
                (rs, i) -> new Obligation(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)),
                subjectIin, operatorBin);
    }
}
