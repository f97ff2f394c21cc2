package kz.health.sanepid.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code disclosure_request} table: the request, the ground, the officers' decisions, the consent, and what
 * was released to whom and when (Health Code art. 95; Law 94-V art. 11-12). Also writes the disclosure into the
 * shared audit table {@code audit_read}: a release is a read of the patient's data by the requester.
 */
@Component
public class Disclosures {

    static final String AUDIT_ENDPOINT_PREFIX = "process:" + DisclosureProcess.PROCESS_ID + "/";

    private final JdbcTemplate jdbc;

    public Disclosures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the request once (a retried registration finds the row there). */
    public void register(String id, String processInstanceId, Date receivedAt, String registeredBy,
                         DisclosureRequestInput request, Date reviewDueAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("process_instance_id", processInstanceId);
        row.put("received_at", timestamp(receivedAt));
        row.put("registered_by", registeredBy);
        row.put("requester_kind", request.requesterKind().name());
        row.put("requester_name", request.requesterName());
        row.put("requester_id_number", request.requesterIdNumber());
        row.put("requester_capacity", request.requesterCapacity());
        row.put("patient_iin", request.patientIin());
        row.put("categories_requested", request.categoriesText());
        row.put("purpose_kind", request.purposeKind().name());
        row.put("purpose", request.purpose());
        row.put("document_kind", request.documentKind().name());
        row.put("document_ref", request.documentRef());
        row.put("review_due_at", timestamp(reviewDueAt));
        row.put("status", DisclosureStatus.RECEIVED.name());
        InsertOnce.insert(jdbc, "disclosure_request", "id", row);
    }

    public void recordProposedGround(String id, String ground, String clause, String allowedCategories,
                                     boolean secondApprovalRequired) {
        jdbc.update("UPDATE disclosure_request SET proposed_ground = ?, ground_clause = ?, allowed_categories = ?,"
                + " second_approval_required = ? WHERE id = ?", ground, clause, allowedCategories,
                secondApprovalRequired, id);
    }

    public void recordReview(String id, String officer, Date at, String decision, String comment) {
        jdbc.update("UPDATE disclosure_request SET reviewed_by = ?, reviewed_at = ?, review_decision = ?,"
                + " review_comment = ? WHERE id = ?", officer, timestamp(at), decision, comment, id);
    }

    public void recordApproval(String id, String officer, Date at, String decision, String comment) {
        jdbc.update("UPDATE disclosure_request SET approved_by = ?, approved_at = ?, approval_decision = ?,"
                + " approval_comment = ? WHERE id = ?", officer, timestamp(at), decision, comment, id);
    }

    public void recordReminder(String id, Date at) {
        jdbc.update("UPDATE disclosure_request SET reminded_at = ? WHERE id = ?", timestamp(at), id);
    }

    public void recordEscalation(String id, Date at) {
        jdbc.update("UPDATE disclosure_request SET escalated_at = ? WHERE id = ?", timestamp(at), id);
    }

    /** The release and its audit row, in the engine's transaction: both or neither. */
    public void recordRelease(String id, Date at, String legalBasis, String clause, String released, String withheld,
                              String consentOutcome, String consentRecordId) {
        int updated = jdbc.update("UPDATE disclosure_request SET status = ?, legal_basis = ?, categories_released = ?,"
                        + " categories_withheld = ?, consent_outcome = ?, consent_record_id = ?, closed_at = ?"
                        + " WHERE id = ? AND status = ?", DisclosureStatus.RELEASED.name(), legalBasis, released,
                withheld, consentOutcome, consentRecordId, timestamp(at), id, DisclosureStatus.RECEIVED.name());
        if (updated == 0) {
            return; // already closed: a retried job writes nothing twice
        }
        Disclosure d = find(id);
        String purpose = truncate("released " + released + " to " + d.requesterKind() + " on " + legalBasis
                + (clause == null ? "" : " (" + clause + ")"), 200);
        jdbc.update("INSERT INTO audit_read (read_at, reader, subject_iin, endpoint, purpose) VALUES (?, ?, ?, ?, ?)",
                timestamp(at), truncate(d.recipient(), 64), d.patientIin(), AUDIT_ENDPOINT_PREFIX + id, purpose);
    }

    public void recordRefusal(String id, Date at, String reason, String consentOutcome, String consentRecordId) {
        jdbc.update("UPDATE disclosure_request SET status = ?, refusal_reason = ?, consent_outcome = ?,"
                        + " consent_record_id = ?, closed_at = ? WHERE id = ? AND status = ?",
                DisclosureStatus.REFUSED.name(), reason, consentOutcome, consentRecordId, timestamp(at), id,
                DisclosureStatus.RECEIVED.name());
    }

    public record Disclosure(String id, String processInstanceId, Instant receivedAt, String registeredBy,
                             String requesterKind, String requesterName, String requesterIdNumber,
                             String requesterCapacity, String patientIin, String categoriesRequested,
                             String purposeKind, String purpose, String documentKind, String documentRef,
                             String proposedGround, String groundClause, String allowedCategories,
                             Instant reviewDueAt, String reviewedBy, Instant reviewedAt, String reviewDecision,
                             String reviewComment, String approvedBy, Instant approvedAt, String approvalDecision,
                             String approvalComment, String consentOutcome, String consentRecordId,
                             String legalBasis, String categoriesReleased, String categoriesWithheld, String status,
                             String refusalReason, Instant closedAt, Instant remindedAt, Instant escalatedAt,
                             boolean secondApprovalRequired) {

        /** Who received the data, as the audit names them: the requester's IIN/BIN, else their kind. */
        public String recipient() {
            return requesterIdNumber != null ? requesterKind + ":" + requesterIdNumber : requesterKind;
        }

        /**
         * The ground stands when the first officer confirmed it and, where the ground needs four eyes, a second
         * officer approved it: read from this row, never from process variables (issue 14).
         */
        public boolean groundStands() {
            boolean confirmed = proposedGround != null && !DisclosureProcess.GROUND_NONE.equals(proposedGround)
                    && DisclosureProcess.CONFIRMED.equals(reviewDecision) && reviewedBy != null;
            boolean approved = !secondApprovalRequired || DisclosureProcess.APPROVED.equals(approvalDecision)
                    && approvedBy != null && !approvedBy.equals(reviewedBy);
            return confirmed && approved;
        }

        /** The categories asked for that the ground allows (Law 94-V art. 12). */
        public Set<MedicalCategory> releasable() {
            Set<MedicalCategory> releasable = EnumSet.noneOf(MedicalCategory.class);
            releasable.addAll(MedicalCategory.parse(categoriesRequested));
            releasable.retainAll(MedicalCategory.parse(allowedCategories));
            return releasable;
        }

        /** The categories asked for that the ground does not allow. */
        public Set<MedicalCategory> withheld() {
            Set<MedicalCategory> withheld = EnumSet.noneOf(MedicalCategory.class);
            withheld.addAll(MedicalCategory.parse(categoriesRequested));
            withheld.removeAll(MedicalCategory.parse(allowedCategories));
            return withheld;
        }
    }

    public Disclosure find(String id) {
        List<Disclosure> found = jdbc.query("SELECT * FROM disclosure_request WHERE id = ?", Disclosures::map, id);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<Disclosure> ofPatient(String patientIin) {
        return jdbc.query("SELECT * FROM disclosure_request WHERE patient_iin = ? ORDER BY received_at DESC, id",
                Disclosures::map, patientIin);
    }

    private static Disclosure map(ResultSet rs, int i) throws SQLException {
        return new Disclosure(rs.getString("id"), rs.getString("process_instance_id"), instant(rs, "received_at"),
                rs.getString("registered_by"), rs.getString("requester_kind"), rs.getString("requester_name"),
                rs.getString("requester_id_number"), rs.getString("requester_capacity"), rs.getString("patient_iin"),
                rs.getString("categories_requested"), rs.getString("purpose_kind"), rs.getString("purpose"),
                rs.getString("document_kind"), rs.getString("document_ref"), rs.getString("proposed_ground"),
                rs.getString("ground_clause"), rs.getString("allowed_categories"), instant(rs, "review_due_at"),
                rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("review_decision"),
                rs.getString("review_comment"), rs.getString("approved_by"), instant(rs, "approved_at"),
                rs.getString("approval_decision"), rs.getString("approval_comment"), rs.getString("consent_outcome"),
                rs.getString("consent_record_id"), rs.getString("legal_basis"), rs.getString("categories_released"),
                rs.getString("categories_withheld"), rs.getString("status"), rs.getString("refusal_reason"),
                instant(rs, "closed_at"), instant(rs, "reminded_at"), instant(rs, "escalated_at"),
                rs.getBoolean("second_approval_required"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
