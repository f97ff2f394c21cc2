package kz.health.sanepid.reissuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.health.sanepid.jdbc.InsertOnce;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SDU ledger: runs, recipients per run with their outcome, what each registry answered and when (004 App.2
 * items 8, 17). Every write happens in the caller's transaction (the engine's job or the request), so a rolled
 * back job leaves no trace and a retried one writes once.
 */
@Component("sduLedger")
public class SduLedger {

    private static final String RECIPIENT_COLUMNS = "business_key, run_id, offer_key, recipient_iin, holder_id,"
            + " holder_kind, new_holder_name, permit_id, name_changed_at, phone, outcome, outcome_detail,"
            + " new_permit_id, created_at, started_at, sms_sent_at, replied_at, finished_at";

    private final JdbcTemplate jdbc;

    public SduLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp now() {
        return Timestamp.from(ClockUtil.now().toInstant());
    }

    // ---- runs -------------------------------------------------------------------------------------------------

    public record Run(String runId, String processInstanceId, String startedBy, Instant startedAt, Instant windowFrom,
                      Instant windowTo, boolean windowRequested, String status, String statusReason, int candidates,
                      int alreadyOffered, Instant finishedAt) {
    }

    public void openRun(String runId, String processInstanceId, String startedBy, Instant requestedWindowFrom) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", runId);
        row.put("process_instance_id", processInstanceId);
        row.put("started_by", startedBy);
        row.put("started_at", now());
        row.put("window_requested", requestedWindowFrom != null);
        row.put("window_from", requestedWindowFrom == null ? null : Timestamp.from(requestedWindowFrom));
        row.put("status", "OPEN");
        InsertOnce.insert(jdbc, "sdu_run", "run_id", row);
    }

    public void pilotEnded(String runId, String reason) {
        jdbc.update("UPDATE sdu_run SET status = 'PILOT_ENDED', status_reason = ?, finished_at = ? WHERE run_id = ?",
                reason, now(), runId);
    }

    public void collected(String runId, Instant from, Instant to, int candidates, int alreadyOffered) {
        jdbc.update("UPDATE sdu_run SET status = 'COLLECTED', window_from = ?, window_to = ?, candidates = ?,"
                        + " already_offered = ? WHERE run_id = ?",
                Timestamp.from(from), Timestamp.from(to), candidates, alreadyOffered, runId);
    }

    public void startedAll(String runId) {
        jdbc.update("UPDATE sdu_run SET status = 'STARTED_ALL', finished_at = ? WHERE run_id = ?", now(), runId);
    }

    /** The end of the last committed collection's window: the next run's window opens there (item 3). */
    public Optional<Instant> watermark() {
        Timestamp t = jdbc.queryForObject("SELECT MAX(window_to) FROM sdu_run WHERE status IN ('COLLECTED', 'STARTED_ALL')",
                Timestamp.class);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    public Optional<Run> run(String runId) {
        return jdbc.query("SELECT run_id, process_instance_id, started_by, started_at, window_from, window_to,"
                + " window_requested, status, status_reason, candidates, already_offered, finished_at FROM sdu_run"
                + " WHERE run_id = ?", (rs, i) -> new Run(rs.getString(1), rs.getString(2), rs.getString(3),
                instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getBoolean(7), rs.getString(8), rs.getString(9),
                rs.getInt(10), rs.getInt(11), instant(rs, 12)), runId).stream().findFirst();
    }

    public Map<String, Long> countsByOutcome(String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT outcome, COUNT(*) FROM sdu_recipient WHERE run_id = ? GROUP BY outcome ORDER BY outcome",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return counts;
    }

    // ---- recipients ---------------------------------------------------------------------------------------------

    public record Recipient(String businessKey, String runId, String offerKey, String recipientIin, String holderId,
                            String holderKind, String newHolderName, String permitId, Instant nameChangedAt,
                            String phone, RecipientOutcome outcome, String outcomeDetail, String newPermitId,
                            Instant createdAt, Instant startedAt, Instant smsSentAt, Instant repliedAt,
                            Instant finishedAt) {
    }

    /** Writes candidates whose offer key is new; answers how many were written (the rest were offered before). */
    public int insertCandidates(List<Candidate> candidates) {
        Set<String> seen = new HashSet<>();
        List<Candidate> fresh = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += 500) {
            List<Candidate> chunk = candidates.subList(from, Math.min(candidates.size(), from + 500));
            String marks = String.join(", ", chunk.stream().map(c -> "?").toList());
            Set<String> existing = new HashSet<>(jdbc.queryForList("SELECT offer_key FROM sdu_recipient WHERE offer_key IN ("
                    + marks + ")", String.class, chunk.stream().map(Candidate::offerKey).toArray()));
            for (Candidate c : chunk) {
                if (!existing.contains(c.offerKey()) && seen.add(c.offerKey())) {
                    fresh.add(c);
                }
            }
        }
        Timestamp now = now();
        jdbc.batchUpdate("INSERT INTO sdu_recipient (business_key, run_id, offer_key, recipient_iin, holder_id,"
                        + " holder_kind, new_holder_name, permit_id, name_changed_at, outcome, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CANDIDATE', ?, ?)",
                fresh.stream().map(c -> new Object[] {c.businessKey(), c.runId(), c.offerKey(), c.recipientIin(),
                        c.holderId(), c.holderKind(), c.newHolderName(), c.permitId(), Timestamp.from(c.nameChangedAt()),
                        now, now}).toList());
        return fresh.size();
    }

    public List<Recipient> candidatesToStart(String runId, int limit) {
        // business-key order, spelled as the index (run_id, outcome, business_key) so that no sort is needed (V8_2)
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE run_id = ? AND outcome = 'CANDIDATE'"
                + " ORDER BY run_id, outcome, business_key FETCH FIRST " + limit + " ROWS ONLY", SduLedger::recipient, runId);
    }

    /** Marks a candidate started; false when another transaction started it already. */
    public boolean markStarted(String businessKey) {
        Timestamp now = now();
        return jdbc.update("UPDATE sdu_recipient SET outcome = 'STARTED', started_at = ?, updated_at = ?"
                + " WHERE business_key = ? AND outcome = 'CANDIDATE'", now, now, businessKey) == 1;
    }

    public Optional<Recipient> recipient(String businessKey) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE business_key = ?",
                SduLedger::recipient, businessKey).stream().findFirst();
    }

    /**
     * The recipient's row, locked until the transaction ends: two replies for one offer (the gateway's retry on
     * another node, a second offer's reply, the pending-reply sweeper) are taken one after the other, and the later
     * one sees that the offer no longer waits instead of failing to correlate.
     */
    public Optional<Recipient> recipientForUpdate(String businessKey) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE business_key = ? FOR UPDATE",
                SduLedger::recipient, businessKey).stream().findFirst();
    }

    public List<Recipient> recipientsByPhone(String phone) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE phone = ? ORDER BY created_at",
                SduLedger::recipient, phone);
    }

    public List<Recipient> page(String runId, int page, int size) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE run_id = ? ORDER BY run_id, business_key"
                + " OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY", SduLedger::recipient, runId);
    }

    public long countRecipients(String runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }

    public void progress(String businessKey, RecipientOutcome outcome) {
        jdbc.update("UPDATE sdu_recipient SET outcome = ?, updated_at = ? WHERE business_key = ?",
                outcome.name(), now(), businessKey);
    }

    public void phoneFound(String businessKey, String phone, OfferSms.SmsLanguage language) {
        jdbc.update("UPDATE sdu_recipient SET phone = ?, sms_language = ?, outcome = 'PHONE_FOUND', updated_at = ?"
                + " WHERE business_key = ?", phone, language.name(), now(), businessKey);
    }

    /** The language of the recipient's SMS (МАБ's answer at item 9); both when unknown. */
    public OfferSms.SmsLanguage smsLanguage(String businessKey) {
        return jdbc.query("SELECT sms_language FROM sdu_recipient WHERE business_key = ?", (rs, i) -> rs.getString(1),
                businessKey).stream().findFirst().map(OfferSms.SmsLanguage::valueOfOrBoth).orElse(OfferSms.SmsLanguage.BOTH);
    }

    public void smsSent(String businessKey, RecipientOutcome outcome) {
        Timestamp now = now();
        jdbc.update("UPDATE sdu_recipient SET outcome = ?, sms_sent_at = ?, updated_at = ? WHERE business_key = ?",
                outcome.name(), now, now, businessKey);
    }

    public void replyTaken(String businessKey) {
        Timestamp now = now();
        jdbc.update("UPDATE sdu_recipient SET outcome = 'REPLY_RECEIVED', replied_at = ?, updated_at = ?"
                + " WHERE business_key = ?", now, now, businessKey);
    }

    public void reissued(String businessKey, String newPermitId) {
        jdbc.update("UPDATE sdu_recipient SET new_permit_id = ?, updated_at = ? WHERE business_key = ?",
                newPermitId, now(), businessKey);
    }

    public void detail(String businessKey, String detail) {
        jdbc.update("UPDATE sdu_recipient SET outcome_detail = ?, updated_at = ? WHERE business_key = ?",
                detail, now(), businessKey);
    }

    /**
     * Records the outcome an end event stands for; called by the end events' listeners ({@code sduOutcome*} beans,
     * {@code delegate/FinishRecipientListener}).
     */
    public void finish(String businessKey, RecipientOutcome outcome) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException(outcome + " is not an outcome");
        }
        Timestamp now = now();
        jdbc.update("UPDATE sdu_recipient SET outcome = ?, finished_at = ?, updated_at = ? WHERE business_key = ?",
                outcome.name(), now, now, businessKey);
    }

    /** What a registry answered, and when (items 8, 17); the summary carries no personal data. */
    public void answer(String businessKey, String registry, String question, String answer) {
        jdbc.update("INSERT INTO sdu_registry_answer (business_key, registry, question, answer, answered_at)"
                + " VALUES (?, ?, ?, ?, ?)", businessKey, registry, question, answer, now());
    }

    public record RegistryAnswer(String registry, String question, String answer, Instant answeredAt) {
    }

    public List<RegistryAnswer> answers(String businessKey) {
        return jdbc.query("SELECT registry, question, answer, answered_at FROM sdu_registry_answer WHERE business_key = ?"
                + " ORDER BY id", (rs, i) -> new RegistryAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
                instant(rs, 4)), businessKey);
    }

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
                RecipientOutcome.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), instant(rs, 14),
                instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
