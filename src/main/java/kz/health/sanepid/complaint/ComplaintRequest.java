package kz.health.sanepid.complaint;

import java.util.List;

/**
 * A complaint as registered by the provider officer (004 App.2 item 19): the applicant, the service, the provider,
 * what is appealed, the demands, the attachments and to whom it is addressed. Also built from the Tasklist start
 * form's variables, so both doors are validated by {@link ComplaintValidator}.
 *
 * @param serviceCode   1-4, the services of 004 Appendix 1
 * @param appealedKind  DECISION, ACTION or INACTION
 * @param addressee     HEAD_OF_PROVIDER or REVIEWING_BODY
 * @param reviewingBody AUTHORISED_BODY or HIGHER_BODY, when addressed to the reviewing body
 * @param registeredAt  optional ISO date-time of registration (a paper complaint registered earlier); now if absent
 */
public record ComplaintRequest(String applicantId, String applicantName, String applicantPhone, String applicantEmail,
        String serviceCode, String providerBin, String appealedKind, String appealedText, String demands,
        List<String> attachments, String addressee, String reviewingBody, String registeredAt) {
}
