package kz.health.sanepid.reissuance;

import kz.health.sanepid.consent.ConsentObligations;
import org.springframework.stereotype.Service;

/**
 * Law 94-V art. 8: consent cannot be revoked while an obligation is unfulfilled. An agreed re-issue (004 App.2
 * item 12) is such an obligation of the operator toward the recipient from the consent until the re-issue is done
 * or ends; it is registered in {@code consent_obligation} under the offer's business key, where the revocation bar
 * ({@code consent-revocation-check}) looks, and released when the recipient's process ends, however it ends.
 * The consent of an offer is bound to that offer (art. 14): its purpose names the permit and the name change.
 */
@Service
public class ReissueObligation {

    static final String LEGAL_REFERENCE = "Law 94-V art. 8; joint order No. 4 / No. 43/НҚ App.2 item 12";

    private final ConsentObligations obligations;
    private final SduLedger ledger;
    private final SduSettings settings;

    public ReissueObligation(ConsentObligations obligations, SduLedger ledger, SduSettings settings) {
        this.obligations = obligations;
        this.ledger = ledger;
        this.settings = settings;
    }

    public static String reference(String businessKey) {
        return "SDU-REISSUE:" + businessKey;
    }

    /** The declared purpose of this offer's consent: the re-issue of this permit on this name change, nothing else. */
    public String purpose(String businessKey) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        return "SDU proactive re-issuance (004 App.2 item 12) of permit " + r.permitId() + " on the name change "
                + r.offerKey().split(":", 3)[2];
    }

    public void register(String businessKey) {
        SduLedger.Recipient r = ledger.recipient(businessKey).orElseThrow();
        obligations.registerOnce(reference(businessKey), r.recipientIin(), settings.operatorBin(),
                ConsentObligations.Kind.UNFULFILLED_OBLIGATION,
                "SDU re-issue of permit " + r.permitId() + " agreed by the recipient, not yet done", LEGAL_REFERENCE);
    }

    public void release(String businessKey) {
        obligations.fulfil(reference(businessKey));
    }
}
