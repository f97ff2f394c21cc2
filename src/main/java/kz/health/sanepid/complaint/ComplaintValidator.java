package kz.health.sanepid.complaint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.PhoneNumbers;

/** Format-logical control of a complaint before anything is stored or started (004 App.2 items 18-19). */
public final class ComplaintValidator {

    public static final Set<String> APPEALED_KINDS = Set.of("DECISION", "ACTION", "INACTION");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int LONG_TEXT = 4000;

    private ComplaintValidator() {
    }

    /** Every reason the complaint cannot be registered; empty when it can. */
    public static List<String> problems(ComplaintRequest c, Date now) {
        List<String> reasons = new ArrayList<>();
        if (blank(c.applicantId())) {
            reasons.add("applicantId: the applicant's IIN or BIN is required");
        } else if (!IdentificationNumbers.isValidIinOrBin(c.applicantId())) {
            reasons.add("applicantId: not a valid IIN or BIN (" + IdentificationNumbers.iinProblem(c.applicantId())
                    + "; as a BIN: " + IdentificationNumbers.binProblem(c.applicantId()) + ")");
        }
        if (blank(c.applicantName())) {
            reasons.add("applicantName: the applicant's name is required");
        } else if (c.applicantName().length() > 300) {
            reasons.add("applicantName: at most 300 characters");
        }
        boolean hasPhone = !blank(c.applicantPhone());
        boolean hasEmail = !blank(c.applicantEmail());
        if (!hasPhone && !hasEmail) {
            reasons.add("applicantPhone/applicantEmail: a contact is required (a +7 mobile number or an e-mail)");
        }
        if (hasPhone && PhoneNumbers.normalise(c.applicantPhone()).isEmpty()) {
            reasons.add("applicantPhone: must be a Kazakhstan number +7XXXXXXXXXX");
        }
        if (hasEmail && (c.applicantEmail().length() > 200 || !EMAIL.matcher(c.applicantEmail()).matches())) {
            reasons.add("applicantEmail: not an e-mail address");
        }
        if (blank(c.serviceCode())) {
            reasons.add("serviceCode: the service is required (1-4, 004 Appendix 1)");
        } else if (PublicService.byCode(c.serviceCode()).isEmpty()) {
            reasons.add("serviceCode: unknown service '" + c.serviceCode() + "'; must be 1-4 (004 Appendix 1)");
        }
        if (blank(c.providerBin())) {
            reasons.add("providerBin: the provider's BIN is required");
        } else if (!IdentificationNumbers.isValidBin(c.providerBin())) {
            reasons.add("providerBin: " + IdentificationNumbers.binProblem(c.providerBin()));
        }
        if (blank(c.appealedKind()) || !APPEALED_KINDS.contains(c.appealedKind())) {
            reasons.add("appealedKind: must be DECISION, ACTION or INACTION");
        }
        longText(reasons, "appealedText", c.appealedText(), "the decision, action or inaction appealed");
        longText(reasons, "demands", c.demands(), "the applicant's demands");
        if (c.attachments() != null && String.join("\n", c.attachments()).length() > LONG_TEXT) {
            reasons.add("attachments: at most " + LONG_TEXT + " characters in all");
        }
        ReceivedBy receivedBy = blank(c.receivedBy()) ? ReceivedBy.PROVIDER : ReceivedBy.parse(c.receivedBy());
        if (receivedBy == null) {
            reasons.add("receivedBy: must be PROVIDER or REVIEWING_BODY");
        } else if (receivedBy == ReceivedBy.REVIEWING_BODY && !Route.REVIEWING_BODY.name().equals(c.addressee())) {
            reasons.add("addressee: a complaint received directly by the reviewing body is addressed to it"
                    + " (REVIEWING_BODY)");
        }
        Route route = Route.parse(c.addressee());
        if (route == null) {
            reasons.add("addressee: must be HEAD_OF_PROVIDER or REVIEWING_BODY");
        } else if (route == Route.REVIEWING_BODY
                && !("AUTHORISED_BODY".equals(c.reviewingBody()) || "HIGHER_BODY".equals(c.reviewingBody()))) {
            reasons.add("reviewingBody: must be AUTHORISED_BODY or HIGHER_BODY when addressed to the reviewing body");
        }
        if (!blank(c.registeredAt())) {
            try {
                if (OffsetDateTime.parse(c.registeredAt()).toInstant().isAfter(now.toInstant())) {
                    reasons.add("registeredAt: must not be in the future");
                }
            } catch (DateTimeParseException e) {
                reasons.add("registeredAt: must be an ISO date-time such as 2026-03-20T10:00:00+05:00");
            }
        }
        return reasons;
    }

    private static void longText(List<String> reasons, String field, String value, String what) {
        if (blank(value)) {
            reasons.add(field + ": required (" + what + ")");
        } else if (value.length() > LONG_TEXT) {
            reasons.add(field + ": at most " + LONG_TEXT + " characters");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
