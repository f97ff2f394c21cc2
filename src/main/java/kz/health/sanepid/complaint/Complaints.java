package kz.health.sanepid.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The complaint table and its case events (our own tables, V4_1). */
@Repository
public class Complaints {

    public enum EventKind { REGISTERED, REMINDED, ESCALATED, FORWARDING_DEADLINE_MISSED, FORWARDED, DECIDED, NOTIFIED }

    public record Complaint(String complaintId, String applicantPhone, String applicantEmail, String providerBin,
            String route, Date registeredAt, Date dueAt, String status, Date forwardedAt,
            boolean forwardingDeadlineMissed, String caseDocuments, String decision, String decisionReasons,
            String decidedBy, Date closedAt, String receivedBy) {
    }

    public record Event(String kind, Date occurredAt, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Complaints(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String complaintId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE complaint_id = ?", Integer.class,
                complaintId);
        return n != null && n > 0;
    }

    public void insert(String complaintId, ComplaintRequest c, String normalisedPhone, Date registeredAt, Date dueAt) {
        jdbc.update("INSERT INTO complaint (complaint_id, applicant_id, applicant_name, applicant_phone,"
                        + " applicant_email, service_code, provider_bin, appealed_kind, appealed_text, demands,"
                        + " attachments, route, reviewing_body, registered_at, due_at, status, received_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                complaintId, c.applicantId(), c.applicantName(), normalisedPhone, blankToNull(c.applicantEmail()),
                Integer.parseInt(c.serviceCode().trim()), c.providerBin(), c.appealedKind(), c.appealedText(),
                c.demands(), c.attachments() == null ? null : String.join("\n", c.attachments()), c.addressee(),
                "REVIEWING_BODY".equals(c.addressee()) ? c.reviewingBody() : null, ts(registeredAt), ts(dueAt),
                c.receivedBy() == null ? ReceivedBy.PROVIDER.name() : c.receivedBy());
        event(complaintId, EventKind.REGISTERED, "route " + c.addressee() + ", received by "
                + (c.receivedBy() == null ? ReceivedBy.PROVIDER.name() : c.receivedBy()));
    }

    public void markForwarded(String complaintId, Date forwardedAt, String caseDocuments, Date newDueAt) {
        jdbc.update("UPDATE complaint SET forwarded_at = ?, case_documents = ?, due_at = ? WHERE complaint_id = ?",
                ts(forwardedAt), caseDocuments, ts(newDueAt), complaintId);
        event(complaintId, EventKind.FORWARDED, "to the reviewing body with the administrative case");
    }

    public void markForwardingDeadlineMissed(String complaintId) {
        jdbc.update("UPDATE complaint SET forwarding_deadline_missed = TRUE WHERE complaint_id = ?", complaintId);
        event(complaintId, EventKind.FORWARDING_DEADLINE_MISSED, "3 working days passed (APPK art. 91(4))");
    }

    public void close(String complaintId, DecisionKind decision, String reasons, String decidedBy) {
        jdbc.update("UPDATE complaint SET status = 'CLOSED', decision = ?, decision_reasons = ?, decided_by = ?,"
                        + " closed_at = ? WHERE complaint_id = ?",
                decision.name(), reasons, decidedBy, ts(Date.from(clock.instant())), complaintId);
        event(complaintId, EventKind.DECIDED, decision.name() + " by " + decidedBy);
    }

    public void event(String complaintId, EventKind kind, String detail) {
        jdbc.update("INSERT INTO complaint_event (complaint_id, event_kind, occurred_at, detail) VALUES (?, ?, ?, ?)",
                complaintId, kind.name(), ts(Date.from(clock.instant())), detail);
    }

    public Optional<Complaint> find(String complaintId) {
        return jdbc.query("SELECT complaint_id, applicant_phone, applicant_email, provider_bin, route, registered_at,"
                        + " due_at, status, forwarded_at, forwarding_deadline_missed, case_documents, decision,"
                        + " decision_reasons, decided_by, closed_at, received_by FROM complaint WHERE complaint_id = ?",
                (rs, i) -> new Complaint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), date(rs.getTimestamp(6)), date(rs.getTimestamp(7)), rs.getString(8), date(rs.getTimestamp(9)),
                        rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        date(rs.getTimestamp(15)), rs.getString(16)), complaintId).stream().findFirst();
    }

    public List<Event> events(String complaintId) {
        return jdbc.query("SELECT event_kind, occurred_at, detail FROM complaint_event WHERE complaint_id = ?"
                        + " ORDER BY id", (rs, i) -> new Event(rs.getString(1), date(rs.getTimestamp(2)), rs.getString(3)),
                complaintId);
    }

    private static Timestamp ts(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Date date(Timestamp ts) {
        return ts == null ? null : new Date(ts.getTime());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
