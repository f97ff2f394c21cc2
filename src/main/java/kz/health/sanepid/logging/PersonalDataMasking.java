package kz.health.sanepid.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what could identify a person in free text bound for a log: 12-digit numbers (IIN, and BIN alike) and
 * Kazakhstan phone numbers in any usual spelling. Names cannot be recognised by shape; the code never logs them
 * (see docs/SECURITY.md) and this is the net under that rule. The one way names reach a log is the engine's SQL
 * at DEBUG/TRACE: MyBatis prints the bound parameters and the rows read, that is process variables' values (an
 * applicant's name, free text), so the values of those lines are masked whole; the SQL itself stays.
 */
public final class PersonalDataMasking {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:\\+?7|8)[ (\\-]*[0-9]{3}[ )\\-]*[0-9]{3}[ \\-]*[0-9]{2}[ \\-]*[0-9]{2}(?![0-9])");
    /** MyBatis' "==> Parameters: ..." and "<== Row: ..." lines, to the message's end (values may hold line breaks). */
    private static final Pattern SQL_VALUES = Pattern.compile("((?:==>|<==)\\s*(?:Parameters|Row):).*", Pattern.DOTALL);

    private PersonalDataMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(SQL_VALUES, text, "$1 ***");
        masked = replace(PHONE, masked, "+7**********");
        return replace(TWELVE_DIGITS, masked, "************");
    }

    /** {@code replacement} as {@link Matcher#replaceAll(String)} reads it: {@code $1} is the first group. */
    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
