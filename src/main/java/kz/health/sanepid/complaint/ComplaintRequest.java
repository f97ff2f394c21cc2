package kz.health.sanepid.complaint;

import java.util.List;

/**
 * A complaint as registered by the provider officer, or by a reviewing-body officer when the reviewing body received
 * it directly (004 App.2 item 19): the applicant, the service, the provider,
 * what is appealed, the demands, the attachments and to whom it is addressed. Also built from the Tasklist start
 * form's variables, so both doors are validated by {@link ComplaintValidator}.
 *
 * @param serviceCode   1-4, the services of 004 Appendix 1
 * @param appealedKind  DECISION, ACTION or INACTION
 * @param addressee     HEAD_OF_PROVIDER or REVIEWING_BODY
 * @param reviewingBody AUTHORISED_BODY or HIGHER_BODY, when addressed to the reviewing body
 * @param registeredAt  optional ISO date-time of registration (a paper complaint registered earlier); now if absent
 * @param receivedBy    PROVIDER or REVIEWING_BODY: who received and registers it; absent: the registering officer's
 *                      body (a reviewing-body officer's registration is received by the reviewing body)
 */
public record ComplaintRequest(String applicantId, String applicantName, String applicantPhone, String applicantEmail,
        String serviceCode, String providerBin, String appealedKind, String appealedText, String demands,
        List<String> attachments, String addressee, String reviewingBody, String registeredAt, String receivedBy) {

    /** A complaint received by the provider (or by the registering officer's body, see {@code receivedBy}). */
    public ComplaintRequest(String applicantId, String applicantName, String applicantPhone, String applicantEmail,
            String serviceCode, String providerBin, String appealedKind, String appealedText, String demands,
            List<String> attachments, String addressee, String reviewingBody, String registeredAt) {
        this(applicantId, applicantName, applicantPhone, applicantEmail, serviceCode, providerBin, appealedKind,
                appealedText, demands, attachments, addressee, reviewingBody, registeredAt, null);
    }

    /** The same complaint with who received it and, for the reviewing body, its addressee and body filled in. */
    ComplaintRequest withReceivedBy(ReceivedBy by) {
        boolean direct = by == ReceivedBy.REVIEWING_BODY;
        String to = direct && (addressee == null || addressee.isBlank()) ? Route.REVIEWING_BODY.name() : addressee;
        String body = direct && (reviewingBody == null || reviewingBody.isBlank()) ? "AUTHORISED_BODY" : reviewingBody;
        return new ComplaintRequest(applicantId, applicantName, applicantPhone, applicantEmail, serviceCode,
                providerBin, appealedKind, appealedText, demands, attachments, to, body, registeredAt, by.name());
    }
}
