package kz.health.sanepid.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import kz.health.sanepid.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records every read of a person's data through the application's API: who, when, whose, where, why. */
@Component
public class ReadAudit {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReadAudit(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void recordRead(String subjectIin, String endpoint, String purpose) {
        recordReads(List.of(subjectIin), endpoint, purpose);
    }

    /** One row per subject whose data the answer holds. */
    public void recordReads(Collection<String> subjectIins, String endpoint, String purpose) {
        recordReads(currentUser.userId() == null ? "gateway" : currentUser.userId(), subjectIins, endpoint, purpose);
    }

    /** For doors where the reader is known otherwise (the engine's REST API and webapps: security/EngineReadGuard). */
    public void recordReads(String reader, Collection<String> subjectIins, String endpoint, String purpose) {
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO audit_read (read_at, reader, subject_iin, endpoint, purpose) VALUES (?, ?, ?, ?, ?)",
                subjectIins.stream().distinct().map(iin -> new Object[] {at, reader, iin, clip(endpoint), clip(purpose)})
                        .toList());
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    public record AuditEntry(long id, Instant readAt, String reader, String subjectIin, String endpoint,
                             String purpose) {
    }

    public List<AuditEntry> entries(String subjectIin, int limit) {
        String where = subjectIin == null ? "" : " WHERE subject_iin = ?";
        Object[] args = subjectIin == null ? new Object[] {limit} : new Object[] {subjectIin, limit};
        return jdbc.query("SELECT id, read_at, reader, subject_iin, endpoint, purpose FROM audit_read" + where
                        + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), args);
    }
}
