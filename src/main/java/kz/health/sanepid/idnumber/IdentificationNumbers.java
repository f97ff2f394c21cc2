package kz.health.sanepid.idnumber;

/**
 * Format-logical control of the 12-digit IIN (ЖСН) and BIN (БСН), 004 App.2 item 18.
 *
 * <p>Check digit: the first 11 digits times weights 1..11, mod 11; a result of 10 is computed again with
 * weights 3..11,1,2; a second 10 means the number is never issued. Since 2013 an IIN need not match the
 * holder's birth date, so the date digits are checked for shape only and age is read from the person registry.
 */
public final class IdentificationNumbers {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private IdentificationNumbers() {
    }

    /** The check digit the first 11 digits call for, or -1 when no number with those digits is ever issued. */
    public static int checkDigit(String first11Digits) {
        int digit = weightedSum(first11Digits, FIRST_WEIGHTS) % 11;
        if (digit == 10) {
            digit = weightedSum(first11Digits, SECOND_WEIGHTS) % 11;
        }
        return digit == 10 ? -1 : digit;
    }

    /** Why the value is not a valid IIN, or null when it is one. */
    public static String iinProblem(String value) {
        String shape = twelveDigitsProblem(value, "IIN");
        if (shape != null) {
            return shape;
        }
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return "IIN digits 1-6 must be a date YYMMDD";
        }
        char century = value.charAt(6);
        if (century < '1' || century > '6') {
            return "IIN digit 7 (century and sex) must be 1-6";
        }
        return checkDigitProblem(value, "IIN");
    }

    /** Why the value is not a valid BIN, or null when it is one. */
    public static String binProblem(String value) {
        String shape = twelveDigitsProblem(value, "BIN");
        if (shape != null) {
            return shape;
        }
        int month = Integer.parseInt(value.substring(2, 4));
        if (month < 1 || month > 12) {
            return "BIN digits 3-4 must be the month of registration";
        }
        char type = value.charAt(4);
        if (type < '4' || type > '6') {
            return "BIN digit 5 (entity type) must be 4, 5 or 6";
        }
        char unit = value.charAt(5);
        if (unit < '0' || unit > '3') {
            return "BIN digit 6 (unit) must be 0-3";
        }
        return checkDigitProblem(value, "BIN");
    }

    public static boolean isValidIin(String value) {
        return iinProblem(value) == null;
    }

    public static boolean isValidBin(String value) {
        return binProblem(value) == null;
    }

    /** Either kind: an applicant may be a person (IIN) or an organisation (BIN). */
    public static boolean isValidIinOrBin(String value) {
        return isValidIin(value) || isValidBin(value);
    }

    /** Appends the check digit to 11 digits, or returns null when those digits never make a valid number. */
    public static String withCheckDigit(String first11Digits) {
        int digit = checkDigit(first11Digits);
        return digit < 0 ? null : first11Digits + digit;
    }

    /** For logs and answers to roles that may not see the number: keeps the first 2 and last 2 digits. */
    public static String mask(String value) {
        if (value == null || value.length() < 6) {
            return "****";
        }
        return value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
    }

    /**
     * A business or message key for a role that may not see the numbers in it: every part of 12 digits (an IIN or a
     * BIN) masked as {@link #mask} does, the rest as it is. Parts are separated by {@code :} and {@code #}, as in an
     * SDU recipient's {@code runId:IIN:permitId} and its offer's {@code runId:IIN:permitId#attempt}.
     */
    public static String maskInKey(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("(?<=[:#])|(?=[:#])")) {
            out.append(part.matches("[0-9]{12}") ? mask(part) : part);
        }
        return out.toString();
    }

    private static String twelveDigitsProblem(String value, String kind) {
        if (value == null || value.isEmpty()) {
            return kind + " is required";
        }
        if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return kind + " must be exactly 12 digits";
        }
        return null;
    }

    private static String checkDigitProblem(String value, String kind) {
        int expected = checkDigit(value.substring(0, 11));
        if (expected < 0) {
            return kind + " is never issued: its check digit cannot be computed";
        }
        if (expected != value.charAt(11) - '0') {
            return kind + " check digit is wrong";
        }
        return null;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
