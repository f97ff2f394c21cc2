package kz.health.sanepid.consent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kinds of personal data a request may name (001 "kinds of personal data"). {@link #MEDICAL} is medical secrecy
 * (Health Code art. 95(1)): it passes without consent only on the five grounds of art. 95(4).
 */
public enum DataCategory {
    NAME, CONTACTS, IDENTITY_NUMBERS, FINANCIAL, MEDICAL, BIOMETRIC,
    /** Permit documents held in e-license (004 App.1): what an SDU re-issue reads and replaces (App.2 item 12). */
    PERMITS;

    public boolean medicalSecrecy() {
        return this == MEDICAL;
    }

    /** Parses a comma-separated list of codes; throws with every unknown code named. */
    public static Set<DataCategory> parse(String codes) {
        if (codes == null || codes.isBlank()) {
            throw new IllegalArgumentException("dataCategories: at least one category is required");
        }
        Set<DataCategory> parsed = EnumSet.noneOf(DataCategory.class);
        List<String> unknown = new ArrayList<>();
        for (String code : codes.split(",")) {
            String trimmed = code.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                parsed.add(DataCategory.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                unknown.add(trimmed);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("dataCategories: unknown codes " + unknown + "; allowed "
                    + List.of(values()));
        }
        return parsed;
    }

    /** The canonical comma-separated form (declaration order), so equal sets compare equal as text. */
    public static String format(Set<DataCategory> categories) {
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static boolean anyMedicalSecrecy(Set<DataCategory> categories) {
        return categories.stream().anyMatch(DataCategory::medicalSecrecy);
    }
}
