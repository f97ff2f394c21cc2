package kz.health.sanepid.consent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consent journal ({@code consent_event}): events are appended once per key and never updated or deleted, so
 * the history of each consent is complete (SPEC "Process B": status with its history).
 */
@Component
public class ConsentRecords {

    static final ZoneId ZONE = kz.health.sanepid.calendar.WorkingDayCalendar.ZONE;
    private static final String COLUMNS = "id, consent_id, event_type, subject_iin, respondent_iin, respondent_ground,"
            + " legal_ground, operator_bin, requester_kind, purpose, categories, medical_secrecy, channel, evidence,"
            + " valid_until, occurred_at, recorded_by, note";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsentRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The application clock's day in Almaty. */
    public LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    /**
     * Appends an event unless one with the same key is there (a retried job records it once); true when appended.
     */
    public boolean append(String eventKey, ConsentEventType type, ConsentFacts facts, String recordedBy, String note) {
        Map<String, Object> row = new HashMap<>();
        row.put("event_key", eventKey);
        row.put("consent_id", facts.consentId());
        row.put("event_type", type.name());
        row.put("subject_iin", facts.subjectIin());
        row.put("respondent_iin", facts.respondentIin());
        row.put("respondent_ground", facts.respondentGround().name());
        row.put("legal_ground", facts.legalGround());
        row.put("operator_bin", facts.operatorBin());
        row.put("requester_kind", facts.requesterKind());
        row.put("purpose", facts.purpose());
        row.put("categories", facts.categories());
        row.put("medical_secrecy", facts.medicalSecrecy());
        row.put("channel", facts.channel());
        row.put("evidence", facts.evidence());
        row.put("valid_until", facts.validUntil() == null ? null : Date.valueOf(facts.validUntil()));
        row.put("occurred_at", Timestamp.from(clock.instant()));
        row.put("recorded_by", recordedBy);
        row.put("note", note);
        return InsertOnce.insert(jdbc, "consent_event", "event_key", row);
    }

    public Optional<ConsentHistory> consent(String consentId) {
        List<ConsentEvent> events = jdbc.query("SELECT " + COLUMNS + " FROM consent_event WHERE consent_id = ? ORDER BY id",
                ConsentRecords::event, consentId);
        return events.isEmpty() ? Optional.empty() : Optional.of(new ConsentHistory(consentId, events));
    }

    /** The subject's consents, oldest first, each with its events in the order they happened. */
    public List<ConsentHistory> consentsOf(String subjectIin) {
        Map<String, List<ConsentEvent>> byConsent = new LinkedHashMap<>();
        for (ConsentEvent e : jdbc.query("SELECT " + COLUMNS + " FROM consent_event WHERE subject_iin = ? ORDER BY id",
                ConsentRecords::event, subjectIin)) {
            byConsent.computeIfAbsent(e.consentId(), k -> new ArrayList<>()).add(e);
        }
        return byConsent.entrySet().stream().map(en -> new ConsentHistory(en.getKey(), en.getValue())).toList();
    }

    /** The newest consent on record that covers the request on {@code day}, if any. */
    public Optional<ConsentHistory> findCovering(String subjectIin, String operatorBin, String purpose,
                                                 Set<DataCategory> categories, LocalDate day) {
        List<ConsentHistory> all = consentsOf(subjectIin);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).covers(operatorBin, purpose, categories, day)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private static ConsentEvent event(ResultSet rs, int row) throws SQLException {
        Date until = rs.getDate("valid_until");
        return new ConsentEvent(rs.getLong("id"), rs.getString("consent_id"),
                ConsentEventType.valueOf(rs.getString("event_type")), rs.getString("subject_iin"),
                rs.getString("respondent_iin"), RespondentGround.valueOf(rs.getString("respondent_ground")),
                rs.getString("legal_ground"), rs.getString("operator_bin"), rs.getString("requester_kind"),
                rs.getString("purpose"), rs.getString("categories"), rs.getBoolean("medical_secrecy"),
                rs.getString("channel"), rs.getString("evidence"), until == null ? null : until.toLocalDate(),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("recorded_by"), rs.getString("note"));
    }
}
