package kz.health.sanepid.professionalregister;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The application's own record of the professional-register updates (order No. 66 item 9), table
 * {@code professional_register_update}: one row per re-issued certificate, who entered what and when.
 */
@Repository("professionalRegisterUpdates")
public class RegisterUpdates {

    public enum Outcome { REQUESTED, OPEN, UPDATED, NO_EMPLOYER }

    public record Update(String certificateId, String replacesPermitId, String recipientBusinessKey, String personIin,
                         String employerBin, Outcome outcome, String processInstanceId, Instant requestedAt,
                         Instant dueAt, Instant remindedAt, Instant escalatedAt, String registerEntryNumber,
                         LocalDate registerEntryDate, String note, String updatedBy, Instant updatedAt) {
    }

    private static final String COLUMNS = "certificate_id, replaces_permit_id, recipient_business_key, person_iin,"
            + " employer_bin, outcome, process_instance_id, requested_at, due_at, reminded_at, escalated_at,"
            + " register_entry_number, register_entry_date, note, updated_by, updated_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RegisterUpdates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the request once per certificate; answers false when it was recorded before. */
    public boolean request(String certificateId, String replacesPermitId, String recipientBusinessKey,
                           String personIin, Instant requestedAt) {
        if (find(certificateId).isPresent()) {
            return false;
        }
        return jdbc.update("INSERT INTO professional_register_update (certificate_id, replaces_permit_id,"
                        + " recipient_business_key, person_iin, outcome, requested_at) VALUES (?, ?, ?, ?, 'REQUESTED', ?)",
                certificateId, replacesPermitId, recipientBusinessKey, personIin, Timestamp.from(requestedAt)) == 1;
    }

    public void started(String certificateId, String processInstanceId) {
        jdbc.update("UPDATE professional_register_update SET process_instance_id = ? WHERE certificate_id = ?",
                processInstanceId, certificateId);
    }

    /** The employer is known: its HR specialists' task is open. */
    public void employerFound(String certificateId, String employerBin) {
        jdbc.update("UPDATE professional_register_update SET employer_bin = ?, outcome = 'OPEN' WHERE certificate_id = ?"
                + " AND outcome IN ('REQUESTED', 'OPEN')", employerBin, certificateId);
    }

    /** No employer in the person registry: no task; the specialists see the row. */
    public void noEmployer(String certificateId) {
        jdbc.update("UPDATE professional_register_update SET employer_bin = NULL, outcome = 'NO_EMPLOYER'"
                + " WHERE certificate_id = ? AND outcome IN ('REQUESTED', 'OPEN')", certificateId);
    }

    public void due(String certificateId, Date dueAt) {
        jdbc.update("UPDATE professional_register_update SET due_at = ? WHERE certificate_id = ?",
                dueAt == null ? null : new Timestamp(dueAt.getTime()), certificateId);
    }

    public void reminded(String certificateId) {
        jdbc.update("UPDATE professional_register_update SET reminded_at = ? WHERE certificate_id = ?", now(),
                certificateId);
    }

    public void escalated(String certificateId) {
        jdbc.update("UPDATE professional_register_update SET escalated_at = ? WHERE certificate_id = ?", now(),
                certificateId);
    }

    /** What the HR specialist entered, by whom and when. */
    public void updated(String certificateId, String updatedBy, String entryNumber, LocalDate entryDate, String note) {
        int rows = jdbc.update("UPDATE professional_register_update SET outcome = 'UPDATED', updated_by = ?, updated_at = ?,"
                        + " register_entry_number = ?, register_entry_date = ?, note = ? WHERE certificate_id = ?"
                        + " AND outcome = 'OPEN'", updatedBy, now(), entryNumber, java.sql.Date.valueOf(entryDate),
                note, certificateId);
        if (rows != 1) {
            throw new IllegalStateException("no open professional-register update for certificate " + certificateId);
        }
    }

    public Optional<Update> find(String certificateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM professional_register_update WHERE certificate_id = ?",
                RegisterUpdates::update, certificateId).stream().findFirst();
    }

    /** A page, newest first; {@code outcome} null for every outcome. */
    public List<Update> page(Outcome outcome, int page, int size) {
        String where = outcome == null ? "" : " WHERE outcome = '" + outcome.name() + "'";
        return jdbc.query("SELECT " + COLUMNS + " FROM professional_register_update" + where
                + " ORDER BY requested_at DESC, certificate_id OFFSET " + ((long) page * size) + " ROWS FETCH NEXT "
                + size + " ROWS ONLY", RegisterUpdates::update);
    }

    public long count(Outcome outcome) {
        return outcome == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM professional_register_update", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM professional_register_update WHERE outcome = ?", Long.class,
                        outcome.name());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Update update(ResultSet rs, int i) throws SQLException {
        return new Update(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Outcome.valueOf(rs.getString(6)), rs.getString(7), instant(rs, 8), instant(rs, 9), instant(rs, 10),
                instant(rs, 11), rs.getString(12), rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate(),
                rs.getString(14), rs.getString(15), instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
