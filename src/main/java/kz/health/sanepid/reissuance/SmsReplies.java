package kz.health.sanepid.reissuance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.reissuance.SmsInboundLog.Disposition;
import kz.health.sanepid.sms.InboundSmsHandler;
import kz.health.sanepid.sms.InboundSmsHandler.Outcome;
import kz.health.sanepid.sms.SmsGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to the offer SMS (004 App.2 items 12-15). The sender's number is the key (SPEC Process A step 7): a
 * reply answers every offer of that number still expecting one (a head of two renamed organisations, or one
 * holding two permits, gets one SMS per attempt for all of them within a run, {@link PhoneOffers}; one "1" agrees to
 * all of them, and to the offers of other runs still waiting on that number).
 * <ul>
 *   <li>"1" or "2" (spaces allowed): correlated by business key to each offer waiting at its receive task; an offer
 *       whose SMS is still being sent, or whose resend is under way, keeps the reply PENDING and
 *       {@link PendingReplySweeper} correlates it as soon as the offer waits. TAKEN, or KEPT when only pending.</li>
 *   <li>anything else: NOT_UNDERSTOOD with the reason, an explanatory SMS back (kk + ru) at most once per offer and day, so
 *       an auto-responder cannot start an exchange; the offer keeps waiting, its timer untouched.</li>
 *   <li>a reply when the reply was already taken: ALREADY_TAKEN and nothing changes.</li>
 *   <li>a number no offer was sent to, or none waits for: NOT_EXPECTED; when its offer ended, an SMS saying so (once per
 *       offer) instead of silence. Every case is recorded in the inbound log.</li>
 * </ul>
 * The first read locks the number's offers ({@link SduLedger#recipientsByPhoneForUpdate}): two replies from one
 * number, on one node or two, are decided one after the other, the second seeing what the first took.
 */
@Service
@Transactional
public class SmsReplies implements InboundSmsHandler {

    public static final String MESSAGE = "SmsReply";
    private static final Logger LOG = LoggerFactory.getLogger(SmsReplies.class);

    private final SduLedger ledger;
    private final SmsInboundLog log;
    private final SmsGateway sms;
    private final RuntimeService runtimeService;
    private final PhoneOffers phoneOffers;
    private final Clock clock;

    public SmsReplies(SduLedger ledger, SmsInboundLog log, SmsGateway sms, RuntimeService runtimeService,
                      PhoneOffers phoneOffers, Clock clock) {
        this.ledger = ledger;
        this.log = log;
        this.sms = sms;
        this.runtimeService = runtimeService;
        this.phoneOffers = phoneOffers;
        this.clock = clock;
    }

    @Override
    public Result handle(String phone, String text, Instant receivedAt) {
        String reply = text.strip();
        List<SduLedger.Recipient> offers = ledger.recipientsByPhoneForUpdate(phone);
        if (offers.isEmpty()) {
            log.record(phone, text, receivedAt, Disposition.UNKNOWN_NUMBER, null, null);
            LOG.info("SMS from unknown number {} recorded", PhoneNumbers.mask(phone));
            return new Result(Outcome.NOT_EXPECTED, Disposition.UNKNOWN_NUMBER.name(),
                    "no SDU offer was sent to this number", List.of("from: unknown number"));
        }
        List<SduLedger.Recipient> expecting = offers.stream()
                .filter(r -> RecipientOutcome.EXPECTING_REPLY.contains(r.outcome())).toList();
        List<SduLedger.Recipient> open = expecting.stream().filter(r -> !log.replyTaken(r.businessKey())).toList();
        if (open.isEmpty()) {
            boolean answeredBefore = offers.stream().anyMatch(r -> log.replyTaken(r.businessKey()));
            if (answeredBefore) {
                log.record(phone, text, receivedAt, Disposition.DUPLICATE, null, null);
                return new Result(Outcome.ALREADY_TAKEN, Disposition.DUPLICATE.name(),
                        "the reply to this offer was already taken; nothing changed", List.of());
            }
            log.record(phone, text, receivedAt, Disposition.NOT_WAITING, null, null);
            // the offer ended (no reply in time, no number, the pilot's end): said so once per offer, not silence
            SduLedger.Recipient ended = offers.get(offers.size() - 1);
            OfferSms.Notice notice = OfferSms.Notice.OFFER_ENDED;
            OfferSms.SmsLanguage language = ledger.smsLanguage(ended.businessKey());
            String key = OfferSms.noticeKey(ended.businessKey(), notice);
            boolean told = sms.send(key, phone, notice.text(language));
            if (told) {
                phoneOffers.noticeSent(key, ended.businessKey(), notice.name(), language, notice.text(language));
            }
            return new Result(Outcome.NOT_EXPECTED, Disposition.NOT_WAITING.name(),
                    "no offer to this number is waiting for a reply;"
                    + (told ? " an SMS saying that the offer ended was sent" : " the offer's end was told before"),
                    List.of("from: no offer waiting"));
        }
        if (!reply.equals("1") && !reply.equals("2")) {
            log.record(phone, text, receivedAt, Disposition.INVALID_TEXT, null, null);
            // at most once per offer and day (Asia/Almaty), so an auto-responder cannot start an exchange
            String day = receivedDay();
            boolean explained = sms.send("reply-help:" + open.get(0).businessKey() + ":" + day, phone, OfferSms.HELP);
            return new Result(Outcome.NOT_UNDERSTOOD, Disposition.INVALID_TEXT.name(),
                    "the reply must be 1 (agree) or 2 (refuse);"
                    + (explained ? " an explanation was sent back" : " the explanation was sent today already")
                    + " and the offer keeps waiting", List.of("text: must be 1 or 2"));
        }
        int correlated = 0;
        for (SduLedger.Recipient offer : open) {
            if (correlateLocked(offer, reply)) {
                log.record(phone, text, receivedAt, Disposition.CORRELATED, offer.businessKey(), reply);
                correlated++;
            } else {
                log.record(phone, text, receivedAt, Disposition.PENDING, offer.businessKey(), reply);
            }
        }
        return correlated > 0
                ? new Result(Outcome.TAKEN, Disposition.CORRELATED.name(), "reply " + reply + " taken", List.of())
                : new Result(Outcome.KEPT, Disposition.PENDING.name(),
                        "reply " + reply + " kept; it is taken as soon as the offer SMS has gone out", List.of());
    }

    /** The application clock's day in Almaty: the gateway's receivedAt is the sender's claim, not ours. */
    private String receivedDay() {
        return clock.instant().atZone(SduSettings.ZONE).toLocalDate()
                .toString();
    }

    /**
     * Correlates when the offer's instance waits at a receive task for SmsReply; false otherwise (the instance is
     * between its timer and the resend, say: the reply is kept as PENDING). The ledger row is locked first, so a
     * concurrent correlation of the same offer (another node, the sweeper) finishes before this one looks; without
     * the lock both saw the subscription and the later one failed with a 500.
     */
    boolean correlate(String businessKey, String reply) {
        return correlateLocked(ledger.recipientForUpdate(businessKey).orElseThrow(), reply);
    }

    /**
     * {@link #correlate} for an offer whose row this transaction has locked and read ({@link #handle} locks a number's
     * offers in its first read). One engine query: the correlation of every waiting execution, none when nothing
     * waits (no count before it). The ledger records the reply after it, and keeps an outcome the correlation's own
     * transaction set (the pilot's end, {@link SduLedger#replyTaken}).
     */
    private boolean correlateLocked(SduLedger.Recipient offer, String reply) {
        if (!RecipientOutcome.WAITING_AT_RECEIVE.contains(offer.outcome())) {
            return false;
        }
        String businessKey = offer.businessKey();
        boolean taken = !runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(businessKey)
                .setVariable("replyDigit", reply).correlateAllWithResult().isEmpty();
        if (taken) {
            ledger.replyTaken(businessKey);
        }
        return taken;
    }
}
