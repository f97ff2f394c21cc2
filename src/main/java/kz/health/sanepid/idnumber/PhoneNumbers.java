package kz.health.sanepid.idnumber;

import java.util.Optional;

/** Kazakhstan mobile numbers in the one form the system stores and compares: +7 and 10 digits. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Accepts +7XXXXXXXXXX, 8XXXXXXXXXX, 7XXXXXXXXXX with spaces, dashes and brackets; empty for anything else.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 32) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (d.length() == 11 && (d.charAt(0) == '7' || d.charAt(0) == '8')) {
            return Optional.of("+7" + d.substring(1));
        }
        if (d.length() == 10 && !trimmed.startsWith("+")) {
            return Optional.of("+7" + d);
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalise(raw).isPresent();
    }

    /** For logs: +7******4567. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 4) {
            return "****";
        }
        return phone.substring(0, 2) + "*".repeat(Math.max(0, phone.length() - 6)) + phone.substring(phone.length() - 4);
    }
}
