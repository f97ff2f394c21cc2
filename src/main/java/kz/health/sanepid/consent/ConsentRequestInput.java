package kz.health.sanepid.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import kz.health.sanepid.idnumber.IdentificationNumbers;

/**
 * A request to process a subject's personal data, checked (004 App.2 item 18, format-logical control): a valid
 * IIN and BIN, a declared purpose (Law 94-V art. 14), known categories, a requester kind and channel as codes, and
 * a validity that has not already ended.
 */
public record ConsentRequestInput(String subjectIin, String operatorBin, String purpose, Set<DataCategory> categories,
                                  String requesterKind, String channel, LocalDate validUntil,
                                  String legalGroundClaim) {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    public boolean medicalSecrecy() {
        return DataCategory.anyMedicalSecrecy(categories);
    }

    /** Checks the raw values (as process variables or JSON give them); throws with every problem named. */
    public static ConsentRequestInput of(Object subjectIin, Object operatorBin, Object purpose, Object categories,
                                         Object requesterKind, Object channel, Object validUntil,
                                         Object legalGroundClaim, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String iin = text(subjectIin);
        String iinProblem = IdentificationNumbers.iinProblem(iin);
        if (iinProblem != null) {
            problems.add("subjectIin: " + iinProblem);
        }
        String bin = text(operatorBin);
        if (!IdentificationNumbers.isValidIinOrBin(bin)) {
            problems.add("operatorBin: " + IdentificationNumbers.binProblem(bin));
        }
        String purposeText = text(purpose);
        if (purposeText == null || purposeText.isBlank() || purposeText.length() > 500) {
            problems.add("purpose: a declared purpose of 1-500 characters is required (Law 94-V art. 14)");
        }
        Set<DataCategory> parsed = null;
        try {
            parsed = DataCategory.parse(text(categories));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String kind = code(text(requesterKind), "requesterKind", problems, true);
        String channelCode = code(text(channel), "channel", problems, true);
        String claim = code(text(legalGroundClaim), "legalGround", problems, false);
        LocalDate until = null;
        try {
            until = date(validUntil);
            if (until != null && until.isBefore(today)) {
                problems.add("validUntil: must not be in the past");
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add("validUntil: must be a date YYYY-MM-DD");
        }
        if (!problems.isEmpty()) {
            throw InvalidConsentRequestException.invalid(problems);
        }
        return new ConsentRequestInput(iin, bin, purposeText.strip(), parsed, kind, channelCode, until, claim);
    }

    private static String code(String value, String name, List<String> problems, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(name + ": is required");
            }
            return null;
        }
        String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            problems.add(name + ": must be a code of capital letters, digits and underscores");
        }
        return upper;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(ConsentRecords.ZONE).toLocalDate();
        }
        String text = value.toString().strip();
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
