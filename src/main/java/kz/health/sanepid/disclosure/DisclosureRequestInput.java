package kz.health.sanepid.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.health.sanepid.idnumber.IdentificationNumbers;

/**
 * A third party's request for medical secrecy, checked (004 App.2 item 18, format-logical control): known requester
 * kind, a name and capacity, a valid patient IIN, the requester's IIN/BIN when given, at least one category of
 * art. 95(1), a stated purpose (Law 94-V art. 14) and the supporting document.
 */
public record DisclosureRequestInput(RequesterKind requesterKind, String requesterName, String requesterIdNumber,
                                     String requesterCapacity, String patientIin, Set<MedicalCategory> categories,
                                     PurposeKind purposeKind, String purpose, DocumentKind documentKind,
                                     String documentRef) {

    /** Checks raw values (process variables or JSON); throws with every problem named, never echoing an IIN. */
    public static DisclosureRequestInput of(Object requesterKind, Object requesterName, Object requesterIdNumber,
                                            Object requesterCapacity, Object patientIin, Object categories,
                                            Object purposeKind, Object purpose, Object documentKind,
                                            Object documentRef) {
        List<String> problems = new ArrayList<>();
        RequesterKind kind = code(RequesterKind.class, requesterKind, "requesterKind", problems);
        String name = text(requesterName, "requesterName", 300, true, problems);
        String idNumber = blankToNull(requesterIdNumber);
        if (idNumber != null && !IdentificationNumbers.isValidIinOrBin(idNumber)) {
            problems.add("requesterIdNumber: must be a valid IIN or BIN (" + IdentificationNumbers.binProblem(idNumber)
                    + ")");
        }
        String capacity = text(requesterCapacity, "requesterCapacity", 300, true, problems);
        String iin = blankToNull(patientIin);
        String iinProblem = IdentificationNumbers.iinProblem(iin);
        if (iinProblem != null) {
            problems.add("patientIin: " + iinProblem);
        }
        Set<MedicalCategory> parsed = Set.of();
        try {
            parsed = MedicalCategory.parse(categoryText(categories));
            if (parsed.isEmpty()) {
                problems.add("dataCategories: at least one of " + Arrays.toString(MedicalCategory.values())
                        + " is required");
            }
        } catch (IllegalArgumentException e) {
            problems.add("dataCategories: " + e.getMessage());
        }
        PurposeKind purposeCode = code(PurposeKind.class, purposeKind, "purposeKind", problems);
        String purposeText = text(purpose, "purpose", 1000, true, problems);
        DocumentKind document = code(DocumentKind.class, documentKind, "documentKind", problems);
        String reference = text(documentRef, "documentRef", 200, document != null && document != DocumentKind.NONE,
                problems);
        if (!problems.isEmpty()) {
            throw new InvalidDisclosureRequestException(problems);
        }
        return new DisclosureRequestInput(kind, name, idNumber, capacity, iin, parsed, purposeCode, purposeText,
                document, reference);
    }

    public String categoriesText() {
        return MedicalCategory.format(categories);
    }

    private static String categoryText(Object categories) {
        if (categories instanceof Iterable<?> list) {
            List<String> codes = new ArrayList<>();
            list.forEach(c -> codes.add(String.valueOf(c)));
            return String.join(",", codes);
        }
        return categories == null ? null : categories.toString();
    }

    private static <E extends Enum<E>> E code(Class<E> type, Object value, String name, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            problems.add(name + ": is required; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(name + ": unknown code; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String text(Object value, String name, int max, boolean required, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            if (required) {
                problems.add(name + ": is required");
            }
            return null;
        }
        if (text.length() > max) {
            problems.add(name + ": at most " + max + " characters");
        }
        return text;
    }

    private static String blankToNull(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
