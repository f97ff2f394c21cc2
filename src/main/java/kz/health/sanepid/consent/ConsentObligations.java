package kz.health.sanepid.consent;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    public ConsentObligations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String subjectIin, String operatorBin, Kind kind, String description, String legalReference) {
        jdbc.update("INSERT INTO consent_obligation (subject_iin, operator_bin, obligation_kind, description,"
                        + " legal_reference, registered_at) VALUES (?, ?, ?, ?, ?, ?)", subjectIin, operatorBin,
                kind.name(), description, legalReference, Timestamp.from(ClockUtil.now().toInstant()));
    }

    /** Those not yet fulfilled. */
    public List<Obligation> open(String subjectIin, String operatorBin) {
        return jdbc.query("SELECT id, obligation_kind, description, legal_reference FROM consent_obligation"
                        + " WHERE subject_iin = ? AND operator_bin = ? AND fulfilled_at IS NULL ORDER BY id",
                (rs, i) -> new Obligation(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)),
                subjectIin, operatorBin);
    }
}
