package kz.health.sanepid.reissuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.health.sanepid.jdbc.InsertOnce;
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
    private final Clock clock;

    public SduLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
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

    /** Items 3-5 before the candidates, for the managers' funnel (V20_51): counts only. */
    public void collectionCounts(String runId, int renamedOrganisations, int renamedPersons, int holdersWithPermit,
                                 int holdersWithRecipient) {
        jdbc.update("UPDATE sdu_run SET renamed_organisations = ?, renamed_persons = ?, holders_with_permit = ?,"
                + " holders_with_recipient = ? WHERE run_id = ?", renamedOrganisations, renamedPersons,
                holdersWithPermit, holdersWithRecipient, runId);
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
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM sdu_run WHERE run_id = ?", SduLedger::run, runId).stream()
                .findFirst();
    }

    private static final String RUN_COLUMNS = "run_id, process_instance_id, started_by, started_at, window_from,"
            + " window_to, window_requested, status, status_reason, candidates, already_offered, finished_at";

    /** The runs started in [from, to), newest first. */
    public List<Run> runsStartedBetween(Instant from, Instant to, int limit) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM sdu_run WHERE started_at >= ? AND started_at < ?"
                + " ORDER BY started_at DESC FETCH FIRST " + limit + " ROWS ONLY", SduLedger::run,
                Timestamp.from(from), Timestamp.from(to));
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                instant(rs, 12));
    }

    // ---- the funnel of Appendix 2 (managers, issue 17) ----------------------------------------------------------

    /** The registry name under which the recipient's consent answer is kept (item 18, order item 4.2). */
    public static final String CONSENT_SERVICE = "ДҚБ / consent service";
    static final String CONSENT_QUESTION = "18 consent";

    /**
     * The funnel of 004 App.2 over one run or the runs started in a period, step by step, in the Appendix's order:
     * renamed organisations and persons (item 3), with a permit of the 4 services (item 4), with a recipient (the
     * first head, item 5), offers, excluded by each item 6 criterion, no phone (item 10), SMS sent (item 11),
     * resent (item 13), reply 1 / 2, no reply after the resend, the consent's answer (item 18), re-issued (item 12),
     * and the rest. A step is null where the runs were collected before its count was kept (V20_51).
     */
    public Map<String, Long> funnelOfRun(String runId) {
        return funnel("run_id = ?", runId);
    }

    public Map<String, Long> funnelOfRunsStartedBetween(Instant from, Instant to) {
        return funnel("started_at >= ? AND started_at < ?", Timestamp.from(from), Timestamp.from(to));
    }

    private Map<String, Long> funnel(String runCondition, Object... args) {
        String runs = "SELECT run_id FROM sdu_run WHERE " + runCondition;
        Map<String, Long> f = new LinkedHashMap<>();
        jdbc.query("SELECT COUNT(*), SUM(renamed_organisations), SUM(renamed_persons), SUM(holders_with_permit),"
                + " SUM(holders_with_recipient), SUM(candidates), SUM(already_offered) FROM sdu_run WHERE "
                + runCondition, rs -> {
                    f.put("runs", rs.getLong(1));
                    f.put("renamedOrganisations", nullableLong(rs, 2));
                    f.put("renamedPersons", nullableLong(rs, 3));
                    f.put("withPermit", nullableLong(rs, 4));
                    f.put("withRecipient", nullableLong(rs, 5));
                    f.put("offers", rs.getLong(6));
                    f.put("alreadyOffered", rs.getLong(7));
                }, args);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        jdbc.query("SELECT outcome, COUNT(*) FROM sdu_recipient WHERE run_id IN (" + runs + ") GROUP BY outcome",
                rs -> {
                    outcomes.put(rs.getString(1), rs.getLong(2));
                }, args);
        f.put("excludedMissingOrDead", outcomes.getOrDefault("EXCLUDED_MISSING_OR_DEAD", 0L));
        f.put("excludedAbroad", outcomes.getOrDefault("EXCLUDED_ABROAD", 0L));
        f.put("excludedIncapable", outcomes.getOrDefault("EXCLUDED_INCAPABLE", 0L));
        f.put("excludedImprisoned", outcomes.getOrDefault("EXCLUDED_IMPRISONED", 0L));
        f.put("noPhone", outcomes.getOrDefault("NO_PHONE", 0L));
        f.put("smsSent", jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE sms_sent_at IS NOT NULL"
                + " AND run_id IN (" + runs + ")", Long.class, args));
        f.put("resent", jdbc.queryForObject("SELECT COUNT(DISTINCT a.business_key) FROM sdu_registry_answer a"
                + " JOIN sdu_recipient r ON r.business_key = a.business_key WHERE a.question = '13 offer SMS #2'"
                + " AND r.run_id IN (" + runs + ")", Long.class, args));
        Map<String, Long> replies = new LinkedHashMap<>();
        jdbc.query("SELECT i.reply_digit, COUNT(DISTINCT i.business_key) FROM sdu_sms_inbound i JOIN sdu_recipient r"
                + " ON r.business_key = i.business_key WHERE i.disposition = 'CORRELATED' AND r.run_id IN (" + runs
                + ") GROUP BY i.reply_digit", rs -> {
                    replies.put(rs.getString(1), rs.getLong(2));
                }, args);
        f.put("reply1", replies.getOrDefault("1", 0L));
        f.put("reply2", replies.getOrDefault("2", 0L));
        f.put("noReplyAfterResend", outcomes.getOrDefault("NO_REPLY", 0L));
        Map<String, Long> consent = new LinkedHashMap<>();
        jdbc.query("SELECT a.answer, COUNT(DISTINCT a.business_key) FROM sdu_registry_answer a JOIN sdu_recipient r"
                + " ON r.business_key = a.business_key WHERE a.registry = ? AND a.question = ? AND r.run_id IN ("
                + runs + ") GROUP BY a.answer", rs -> {
                    consent.put(rs.getString(1), rs.getLong(2));
                }, prepend(new Object[] {CONSENT_SERVICE, CONSENT_QUESTION}, args));
        f.put("consentGranted", consent.getOrDefault("GRANTED", 0L));
        f.put("consentRefused", consent.getOrDefault("REFUSED", 0L));
        f.put("consentExpired", consent.getOrDefault("EXPIRED", 0L));
        f.put("consentWithoutConsent", consent.getOrDefault("WITHOUT_CONSENT", 0L));
        f.put("reissued", outcomes.getOrDefault("REISSUED", 0L));
        f.put("consentRevoked", outcomes.getOrDefault("CONSENT_REVOKED", 0L));
        f.put("pilotEnded", outcomes.getOrDefault("PILOT_ENDED", 0L));
        f.put("failed", outcomes.getOrDefault("FAILED", 0L));
        long inProgress = 0;
        for (Map.Entry<String, Long> e : outcomes.entrySet()) {
            if (!RecipientOutcome.valueOf(e.getKey()).isFinal()) {
                inProgress += e.getValue();
            }
        }
        f.put("inProgress", inProgress);
        return f;
    }

    private static Object[] prepend(Object[] first, Object[] rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * The consent's answer as the ДҚБ service gave it (item 18): GRANTED, REFUSED, EXPIRED or WITHOUT_CONSENT, kept
     * with the other registries' answers; recorded by the consent call activity's end listener
     * ({@code delegate/ConsentAnsweredListener}, bean {@code sduConsentAnswered}).
     */
    public void consentAnswered(String businessKey, String consentOutcome) {
        answer(businessKey, CONSENT_SERVICE, CONSENT_QUESTION, consentOutcome);
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

    /**
     * The offers sent to a number, oldest first, their rows locked until the transaction ends (taken in business-key
     * order, the order {@link PhoneOffers} locks a number's offers in, so the two never wait for each other in a
     * circle): what a reply decides on cannot change under it.
     */
    public List<Recipient> recipientsByPhoneForUpdate(String phone) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE phone = ? ORDER BY business_key"
                + " FOR UPDATE", SduLedger::recipient, phone).stream()
                .sorted(Comparator.comparing(Recipient::createdAt).thenComparing(Recipient::businessKey)).toList();
    }

    public List<Recipient> page(String runId, int page, int size) {
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE run_id = ? ORDER BY run_id, business_key"
                + " OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY", SduLedger::recipient, runId);
    }

    /** A page of the run's recipients with the given outcome (null: all), in business-key order. */
    public List<Recipient> page(String runId, RecipientOutcome outcome, int page, int size) {
        if (outcome == null) {
            return page(runId, page, size);
        }
        return jdbc.query("SELECT " + RECIPIENT_COLUMNS + " FROM sdu_recipient WHERE run_id = ? AND outcome = ?"
                + " ORDER BY run_id, outcome, business_key OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size
                + " ROWS ONLY", SduLedger::recipient, runId, outcome.name());
    }

    public long countRecipients(String runId, RecipientOutcome outcome) {
        if (outcome == null) {
            return countRecipients(runId);
        }
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome = ?", Long.class,
                runId, outcome.name());
        return n == null ? 0 : n;
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

    /**
     * The reply was correlated: its time, and REPLY_RECEIVED while the offer still waits; an outcome the correlation
     * itself reached (the pilot ended before consent) stays.
     */
    public void replyTaken(String businessKey) {
        Timestamp now = now();
        jdbc.update("UPDATE sdu_recipient SET outcome = CASE WHEN outcome IN ("
                + RecipientOutcome.sqlList(RecipientOutcome.WAITING_AT_RECEIVE)
                + ") THEN 'REPLY_RECEIVED' ELSE outcome END, replied_at = ?, updated_at = ? WHERE business_key = ?",
                now, now, businessKey);
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

    /** The answers of several recipients at once, by business key, each in the order they came. */
    public Map<String, List<RegistryAnswer>> answers(java.util.Collection<String> businessKeys) {
        Map<String, List<RegistryAnswer>> byKey = new LinkedHashMap<>();
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(businessKeys));
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            String marks = String.join(", ", chunk.stream().map(k -> "?").toList());
            jdbc.query("SELECT business_key, registry, question, answer, answered_at FROM sdu_registry_answer"
                    + " WHERE business_key IN (" + marks + ") ORDER BY id", rs -> {
                        byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RegistryAnswer(
                                rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
                    }, chunk.toArray());
        }
        return byKey;
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
