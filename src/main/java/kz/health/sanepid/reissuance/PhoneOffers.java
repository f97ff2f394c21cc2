package kz.health.sanepid.reissuance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.jdbc.InsertOnce;
import kz.health.sanepid.sms.SmsSegments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One SMS per number and attempt within a run (004 App.2 items 11, 13; issue 16). A head of three renamed
 * organisations with one number has three recipient instances, each with its send job; the first job of the number
 * to get here claims the attempt's message and covers every offer of that number in the run that is ready for the
 * attempt, the others find that they are covered.
 * <ul>
 *   <li><b>Ready for attempt 1</b>: the offer's number is known and its SMS not yet sent (ledger {@code PHONE_FOUND}).
 *       <b>Ready for attempt 2</b>: the offer was covered by the same first message as the claimer's and still waits
 *       for a reply ({@code AWAITING_REPLY}): they were told at the same moment, so the resend is due for all of them
 *       when the first of their timers fires (the others' timers started a few seconds later, when their jobs
 *       recorded the cover).</li>
 *   <li><b>Serialised</b>: the claim locks every ledger row of the run with that number, in key order, so two jobs
 *       of one number (the executor's threads, two nodes) take turns; the unique index on (run, number, attempt,
 *       seq) and the cover's key (offer, attempt) stop a second claim even without the lock (the loser's job fails
 *       and is retried, finding its cover).</li>
 *   <li><b>Crash-safe</b>: the claim (text, language, covered offers) commits in a transaction of its own before the
 *       gateway is called, under the claimer's gateway key {@code <businessKey>#<attempt>}. The job that sends locks the
 *       message's row, calls the gateway and marks it {@code SENT} in its own transaction; a job that finds it
 *       {@code SENT} under the lock sends nothing. A job that crashes after the claim is retried and sends the same
 *       text under the same key (the gateway sends a key once); a covered offer's job that finds the message not
 *       {@code SENT} (its claimer crashed) sends it itself, so no covered offer waits for an SMS that never left.</li>
 *   <li><b>Late offers</b>: an offer of the number that becomes ready after the attempt's message was claimed (its
 *       registry reads were slower) is not lost: it claims a message of its own (seq 2, …).</li>
 * </ul>
 */
@Component
public class PhoneOffers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public PhoneOffers(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The message of an attempt that covers an offer; {@code sent} once a job committed the gateway's answer. */
    public record Message(String messageKey, String runId, String phone, String sentBy, int offers, String language,
                          String body, int segments, boolean sent) {
    }

    private record Offer(String businessKey, String outcome, String holderKind, String newHolderName,
                         String permitId, String language) {
    }

    private static final String OFFER_COLUMNS = "business_key, outcome, holder_kind, new_holder_name, permit_id,"
            + " sms_language";

    private static Offer offer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Offer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    /**
     * The message that covers this offer's attempt: claimed now (committed in a transaction of its own before
     * anything is sent) or found, when another offer's job of the same number claimed it.
     */
    public Message claim(String businessKey, int attempt) {
        return ownTransaction.execute(status -> claimInTransaction(businessKey, attempt));
    }

    private Message claimInTransaction(String businessKey, int attempt) {
        Map<String, Object> me = jdbc.queryForMap("SELECT run_id, phone, recipient_iin, sms_language FROM sdu_recipient"
                + " WHERE business_key = ?", businessKey);
        String runId = (String) me.get("run_id");
        String phone = (String) me.get("phone");
        if (phone == null) {
            throw new IllegalStateException("the offer has no number in the ledger; the SMS cannot be sent");
        }
        // the same person's offers of the run (business keys runId:IIN:*), by the person's column and its index
        // (V20_52), not by a LIKE on the key, which H2 answered by scanning the run (13 ms per offer at 10,000)
        String samePerson = (String) me.get("recipient_iin");
        // the same person's offers of the run first (this waits for a sibling's read job under way to commit) ...
        jdbc.queryForList("SELECT business_key FROM sdu_recipient WHERE run_id = ? AND recipient_iin = ?"
                + " ORDER BY business_key FOR UPDATE", String.class, runId, samePerson);
        // ... then every offer of this number in this run, in key order: claimers of one number take turns here
        List<Offer> offers = new ArrayList<>(jdbc.query("SELECT " + OFFER_COLUMNS + " FROM sdu_recipient"
                + " WHERE run_id = ? AND phone = ? ORDER BY business_key FOR UPDATE", PhoneOffers::offer, runId, phone));
        // the same person's other offers whose own reads (item 6, МАБ) have not run yet: the person's four criteria
        // and number were read for this offer a moment ago, so they go in this message rather than one of their own
        List<Offer> sameRecipientInReads = attempt != 1 ? List.of() : jdbc.query("SELECT " + OFFER_COLUMNS
                + " FROM sdu_recipient WHERE run_id = ? AND recipient_iin = ? AND phone IS NULL AND outcome IN"
                + " ('STARTED', 'HANDED_TO_PORTAL') ORDER BY business_key", PhoneOffers::offer, runId, samePerson);
        offers.addAll(sameRecipientInReads);
        Map<String, Map<Integer, String>> covers = new HashMap<>();
        String marks = String.join(", ", offers.stream().map(o -> "?").toList());
        jdbc.query("SELECT business_key, attempt, message_key FROM sdu_sms_cover WHERE business_key IN (" + marks + ")",
                rs -> {
                    covers.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                }, offers.stream().map(Offer::businessKey).toArray());
        String mine = covers.getOrDefault(businessKey, Map.of()).get(attempt);
        if (mine != null) {
            Message covering = message(mine).orElseThrow();
            if (covering.phone().equals(phone)) {
                return covering;
            }
            // covered while its own reads ran, but МАБ then answered another number: that message did not reach it
            jdbc.update("DELETE FROM sdu_sms_cover WHERE business_key = ? AND attempt = ?", businessKey, attempt);
            covers.get(businessKey).remove(attempt);
        }
        String myFirst = covers.getOrDefault(businessKey, Map.of()).get(1);
        List<Offer> ready = new ArrayList<>();
        for (Offer o : offers) {
            boolean uncovered = !covers.getOrDefault(o.businessKey(), Map.of()).containsKey(attempt);
            boolean isReady = o.businessKey().equals(businessKey) || (attempt == 1
                    ? RecipientOutcome.PHONE_FOUND.name().equals(o.outcome()) || sameRecipientInReads.contains(o)
                    : RecipientOutcome.AWAITING_REPLY.name().equals(o.outcome()) && myFirst != null
                            && myFirst.equals(covers.getOrDefault(o.businessKey(), Map.of()).get(1)));
            if (uncovered && isReady) {
                ready.add(o);
            }
        }
        Integer claimed = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_message WHERE run_id = ? AND phone = ?"
                + " AND attempt = ?", Integer.class, runId, phone, attempt);
        int seq = (claimed == null ? 0 : claimed) + 1;
        String myLanguage = (String) me.get("sms_language");
        OfferSms.SmsLanguage language = OfferSms.common(ready.stream().map(o -> OfferSms.SmsLanguage.valueOfOrBoth(
                sameRecipientInReads.contains(o) ? myLanguage : o.language())).toList());
        String body = OfferSms.offer(language, ready.stream().map(o -> new OfferSms.OfferLine(o.permitId(),
                "ORGANISATION".equals(o.holderKind()) ? o.newHolderName() : null)).toList());
        String key = OfferSms.messageKey(businessKey, attempt);
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Object> row = row(key, runId, phone, "OFFER_" + attempt, businessKey, ready.size(), language, body);
        row.put("attempt", attempt);
        row.put("seq", seq);
        row.put("status", "CLAIMED");
        row.put("claimed_at", now);
        if (!InsertOnce.insert(jdbc, "sdu_sms_message", "message_key", row)) {
            throw new IllegalStateException("the attempt's message was claimed without covering its claimer");
        }
        for (Offer o : ready) {
            jdbc.update("INSERT INTO sdu_sms_cover (business_key, attempt, message_key, covered_at) VALUES (?, ?, ?, ?)",
                    o.businessKey(), attempt, key, now);
        }
        return message(key).orElseThrow();
    }

    /**
     * Locks the message's row until the calling job's transaction ends and answers whether it is SENT. The job that
     * holds the lock while it is not sends it; a covered offer's job that comes meanwhile waits here and then sees
     * SENT, so two jobs of one number never both call the gateway.
     */
    public boolean lockAndCheckSent(String messageKey) {
        return "SENT".equals(jdbc.queryForObject("SELECT status FROM sdu_sms_message WHERE message_key = ? FOR UPDATE",
                String.class, messageKey));
    }

    /** The gateway took the message (or had taken it before under the same key); in the sending job's transaction. */
    public void sent(String messageKey) {
        jdbc.update("UPDATE sdu_sms_message SET status = 'SENT', sent_at = ? WHERE message_key = ? AND status = 'CLAIMED'",
                Timestamp.from(clock.instant()), messageKey);
    }

    /** Records a next-step notice the gateway took for one offer, for the run's segment counts (once per key). */
    public void noticeSent(String messageKey, String businessKey, String notice, OfferSms.SmsLanguage language,
                           String body) {
        Map<String, Object> r = jdbc.queryForMap("SELECT run_id, phone FROM sdu_recipient WHERE business_key = ?",
                businessKey);
        Map<String, Object> row = row(messageKey, (String) r.get("run_id"), (String) r.get("phone"), notice,
                businessKey, 1, language, body);
        Timestamp now = Timestamp.from(clock.instant());
        row.put("status", "SENT");
        row.put("claimed_at", now);
        row.put("sent_at", now);
        InsertOnce.insert(jdbc, "sdu_sms_message", "message_key", row);
    }

    private static Map<String, Object> row(String key, String runId, String phone, String step, String sentBy,
                                           int offers, OfferSms.SmsLanguage language, String body) {
        SmsSegments.Count count = SmsSegments.of(body);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("message_key", key);
        row.put("run_id", runId);
        row.put("phone", phone);
        row.put("step", step);
        row.put("sent_by", sentBy);
        row.put("offers", offers);
        row.put("language", language.name());
        row.put("body", body);
        row.put("encoding", count.encoding().name().replace('_', '-'));
        row.put("units", count.units());
        row.put("segments", count.segments());
        return row;
    }

    /**
     * The offer whose key the first offer SMS covering this offer went under (the claimer of attempt 1; the offer
     * itself when no message covers it): one reply answers all the offers of that message, so the notices a reply
     * causes go once per message, under this offer's key.
     */
    public String firstMessageOffer(String businessKey) {
        return jdbc.query("SELECT m.sent_by FROM sdu_sms_cover c JOIN sdu_sms_message m ON m.message_key = c.message_key"
                        + " WHERE c.business_key = ? AND c.attempt = 1", (rs, i) -> rs.getString(1), businessKey)
                .stream().findFirst().orElse(businessKey);
    }

    public Optional<Message> message(String messageKey) {
        return jdbc.query("SELECT message_key, run_id, phone, sent_by, offers, language, body, segments, status"
                        + " FROM sdu_sms_message WHERE message_key = ?",
                (rs, i) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), "SENT".equals(rs.getString(9))), messageKey)
                .stream().findFirst();
    }

    /** The run's messages the gateway took, by step: messages, offers they covered, segments. */
    public Map<String, Map<String, Long>> sentByStep(String runId) {
        Map<String, Map<String, Long>> steps = new LinkedHashMap<>();
        jdbc.query("SELECT step, COUNT(*), SUM(offers), SUM(segments) FROM sdu_sms_message WHERE run_id = ?"
                + " AND status = 'SENT' GROUP BY step ORDER BY step", rs -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    m.put("messages", rs.getLong(2));
                    m.put("offers", rs.getLong(3));
                    m.put("segments", rs.getLong(4));
                    steps.put(rs.getString(1), m);
                }, runId);
        return steps;
    }

    /** How many messages of the run the gateway took in each language. */
    public Map<String, Long> sentByLanguage(String runId) {
        Map<String, Long> languages = new LinkedHashMap<>();
        jdbc.query("SELECT language, COUNT(*) FROM sdu_sms_message WHERE run_id = ? AND status = 'SENT'"
                + " GROUP BY language ORDER BY language", rs -> {
                    languages.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return languages;
    }
}
