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

    public RecipientSteps(MobileCitizenBase mobileBase, SmsGateway sms, LicenseRegistry licenses, SduStore sduStore,
                          SduLedger ledger) {
        this.mobileBase = mobileBase;
        this.sms = sms;
        this.licenses = licenses;
        this.sduStore = sduStore;
        this.ledger = ledger;
    }

    /** Item 7: SDU hands the organisation and its first head (or the person) to the portal. */
    public void handToPortal(String businessKey) {
        ledger.progress(businessKey, RecipientOutcome.HANDED_TO_PORTAL);
        ledger.answer(businessKey, PORTAL, "7 recipient handed over", "accepted");
    }

    /** Items 9, 10: the registered mobile number, normalised; empty ends the process for this recipient. */
    public Optional<String> findPhone(String businessKey, String iin) {
        Optional<String> phone = mobileBase.registeredNumber(iin).flatMap(PhoneNumbers::normalise);
        ledger.answer(businessKey, MOBILE_BASE, "9 registered mobile number", phone.isPresent() ? "found" : "none");
        phone.ifPresent(p -> ledger.phoneFound(businessKey, p));
        return phone;
    }

    /** Items 11 and 13: the Appendix's SMS, attempt 1 or 2, once per attempt. */
    public void sendOffer(String businessKey, int attempt) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        boolean sent = sms.send(OfferSms.messageKey(businessKey, attempt), r.phone(), OfferSms.OFFER);
        ledger.answer(businessKey, SMS_GATEWAY, (attempt == 1 ? "11" : "13") + " offer SMS #" + attempt,
                sent ? "sent" : "already sent");
        ledger.smsSent(businessKey, attempt == 1 ? RecipientOutcome.AWAITING_REPLY : RecipientOutcome.RESENT);
    }

    /**
     * What happens next (items 12, 15; order item 4.2): one SMS per offer and notice, in Kazakh and Russian (no
     * registry of the pilot records a language yet), sent once however often the job runs.
     */
    public void notifyRecipient(String businessKey, OfferSms.Notice notice) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        boolean sent = sms.send(OfferSms.noticeKey(businessKey, notice), r.phone(), notice.text(OfferSms.SmsLanguage.BOTH));
        ledger.answer(businessKey, SMS_GATEWAY, "next-step SMS " + notice.name(), sent ? "sent" : "already sent");
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
