package kz.health.sanepid.reissuance;

import java.util.Optional;

import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.registry.license.LicenseRegistry;
import kz.health.sanepid.registry.mobile.MobileCitizenBase;
import kz.health.sanepid.sdustore.SduStore;
import kz.health.sanepid.sms.SmsGateway;
import org.springframework.stereotype.Service;

/**
 * The recipient's steps after item 6: hand to the portal (item 7), the mobile citizens base (items 9, 10), the
 * SMS (items 11, 13), and the re-issue (item 12). Every outside call is idempotent (ports' contract), so a job
 * retried after a failure neither sends nor forms anything twice.
 */
@Service
public class RecipientSteps {

    static final String PORTAL = "ЭҮП / eGov portal";
    static final String MOBILE_BASE = "МАБ / mobile citizens base";
    static final String SMS_GATEWAY = "ЭҮП SMS gateway";
    static final String E_LICENSE = "e-license";
    static final String SDU = "SDU";

    private final MobileCitizenBase mobileBase;
    private final SmsGateway sms;
    private final LicenseRegistry licenses;
    private final SduStore sduStore;
    private final SduLedger ledger;
    private final PhoneOffers phoneOffers;

    public RecipientSteps(MobileCitizenBase mobileBase, SmsGateway sms, LicenseRegistry licenses, SduStore sduStore,
                          SduLedger ledger, PhoneOffers phoneOffers) {
        this.mobileBase = mobileBase;
        this.sms = sms;
        this.licenses = licenses;
        this.sduStore = sduStore;
        this.ledger = ledger;
        this.phoneOffers = phoneOffers;
    }

    /** Item 7: SDU hands the organisation and its first head (or the person) to the portal. */
    public void handToPortal(String businessKey) {
        ledger.progress(businessKey, RecipientOutcome.HANDED_TO_PORTAL);
        ledger.answer(businessKey, PORTAL, "7 recipient handed over", "accepted");
    }

    /**
     * Items 9, 10: the registered mobile number, normalised, and the subscriber's language when МАБ knows it (the
     * SMS then go in that language only); empty ends the process for this recipient.
     */
    public Optional<String> findPhone(String businessKey, String iin) {
        Optional<MobileCitizenBase.Subscriber> subscriber = mobileBase.subscriber(iin);
        Optional<String> phone = subscriber.map(MobileCitizenBase.Subscriber::phone).flatMap(PhoneNumbers::normalise);
        ledger.answer(businessKey, MOBILE_BASE, "9 registered mobile number", phone.isPresent() ? "found" : "none");
        if (phone.isPresent()) {
            OfferSms.SmsLanguage language = OfferSms.SmsLanguage.of(subscriber.get().language());
            ledger.answer(businessKey, MOBILE_BASE, "9 subscriber's language", language == OfferSms.SmsLanguage.BOTH
                    ? "unknown: Kazakh and Russian" : language.name().toLowerCase(java.util.Locale.ROOT));
            ledger.phoneFound(businessKey, phone.get(), language);
        }
        return phone;
    }

    /**
     * Items 11 and 13: the Appendix's SMS, attempt 1 or 2, once per attempt and number within the run: the offers of
     * the run to this number that are ready for the attempt go out as ONE message ({@link PhoneOffers}), claimed
     * before the gateway is called. Whichever job of the covered offers holds the message's row lock while it is
     * not yet SENT calls the gateway (normally the claimer; a covered offer's job when the claimer crashed after the
     * claim), under the claimer's key, which the gateway sends once; the others wait for the lock, see SENT and
     * record the cover.
     */
    public void sendOffer(String businessKey, int attempt) {
        PhoneOffers.Message m = phoneOffers.claim(businessKey, attempt);
        String question = (attempt == 1 ? "11" : "13") + " offer SMS #" + attempt;
        boolean claimer = m.sentBy().equals(businessKey);
        // the message's row is locked until this job commits: whoever holds it sends, the others wait and see SENT
        if (!phoneOffers.lockAndCheckSent(m.messageKey())) {
            boolean sent = sms.send(m.messageKey(), m.phone(), m.body());
            phoneOffers.sent(m.messageKey());
            ledger.answer(businessKey, SMS_GATEWAY, question, !sent ? "already sent"
                    : claimer ? "sent" : "sent for " + m.offers() + " offers of this number in the run");
        } else {
            ledger.answer(businessKey, SMS_GATEWAY, question, claimer ? "already sent"
                    : "covered: one SMS for " + m.offers() + " offers of this number in the run");
        }
        ledger.smsSent(businessKey, attempt == 1 ? RecipientOutcome.AWAITING_REPLY : RecipientOutcome.RESENT);
    }

    /**
     * What happens next (items 12, 15; order item 4.2), in the recipient's language when МАБ knew it, else Kazakh and
     * Russian, sent once however often the job runs: the notices a reply causes once per offer SMS (one reply answers
     * all the offers it named, so they go under the key of that SMS's first offer), the document's once per offer.
     */
    public void notifyRecipient(String businessKey, OfferSms.Notice notice) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        OfferSms.SmsLanguage language = ledger.smsLanguage(businessKey);
        String keyOffer = notice.oncePerReply() ? phoneOffers.firstMessageOffer(businessKey) : businessKey;
        if (notice.oncePerReply()) {
            // the offers of one SMS send its notice in turn, locking that SMS's first offer: the later job finds it
            // sent instead of meeting the outbox's unique index (a failed job, retried 5 minutes later)
            ledger.recipientForUpdate(keyOffer);
        }
        String key = OfferSms.noticeKey(keyOffer, notice);
        String body = notice.text(language);
        boolean sent = sms.send(key, r.phone(), body);
        phoneOffers.noticeSent(key, keyOffer, notice.name(), language, body); // once per key, after a crash too
        ledger.answer(businessKey, SMS_GATEWAY, "next-step SMS " + notice.name(), sent ? "sent"
                : keyOffer.equals(businessKey) ? "already sent" : "sent once for the offers of the same SMS");
    }

    /** Item 12: e-license forms the updated document (new holder name, link to the one it replaces). */
    public String formUpdatedPermit(String businessKey) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        LicenseRegistry.Permit formed = licenses.reissueForNewName(r.permitId(), r.newHolderName());
        if (!r.permitId().equals(formed.replacesPermitId())) {
            throw new IllegalStateException("e-license answered a document that does not replace " + r.permitId());
        }
        ledger.reissued(businessKey, formed.permitId());
        ledger.answer(businessKey, E_LICENSE, "12 updated permit formed", formed.permitId());
        return formed.permitId();
    }

    /** Item 12: the recipient's updated data are written to SDU. */
    public void writeToSdu(String businessKey) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        sduStore.writeUpdatedRecipient(new SduStore.UpdatedRecipient(r.newPermitId(), r.permitId(), r.recipientIin(),
                r.holderId(), r.newHolderName()));
        ledger.answer(businessKey, SDU, "12 updated data written", r.newPermitId());
    }

    /** Item 12: the document goes to the recipient's personal cabinet in e-license. */
    public void deliverToCabinet(String businessKey) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        licenses.deliverToCabinet(r.newPermitId(), r.recipientIin());
        ledger.answer(businessKey, E_LICENSE, "12 delivered to personal cabinet", r.newPermitId());
    }
}
