package kz.health.sanepid.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What medical secrecy consists of (Health Code art. 95(1)); a request names the categories it asks for. */
public enum MedicalCategory {
    /** The fact of seeking medical care. */
    FACT_OF_CARE,
    /** The state of the citizen's health. */
    HEALTH_STATUS,
    /** The diagnosis of the disease. */
    DIAGNOSIS,
    /** Other information obtained during examination and (or) treatment. */
    EXAMINATION_TREATMENT;

    /** Parses comma-separated codes; throws naming every unknown code. Empty text is an empty set. */
    public static Set<MedicalCategory> parse(String codes) {
        Set<MedicalCategory> parsed = EnumSet.noneOf(MedicalCategory.class);
        if (codes == null || codes.isBlank()) {
            return parsed;
        }
        List<String> unknown = new ArrayList<>();
        for (String code : codes.split(",")) {
            String trimmed = code.strip().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                parsed.add(valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                unknown.add(trimmed);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown categories " + unknown + "; allowed " + List.of(values()));
        }
        return parsed;
    }

    /** Canonical comma-separated form in declaration order ("" for none). */
    public static String format(Collection<MedicalCategory> categories) {
        if (categories.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
