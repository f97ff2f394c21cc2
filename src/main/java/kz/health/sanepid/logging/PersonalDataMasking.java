package kz.health.sanepid.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what could identify a person in free text bound for a log: 12-digit numbers (IIN, and BIN alike) and
 * Kazakhstan phone numbers in any usual spelling. Names cannot be recognised by shape; the code never logs them
 * (see docs/SECURITY.md) and this is the net under that rule.
 */
public final class PersonalDataMasking {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![0-9])(?:\\+?7|8)[ (\\-]*[0-9]{3}[ )\\-]*[0-9]{3}[ \\-]*[0-9]{2}[ \\-]*[0-9]{2}(?![0-9])");

    private PersonalDataMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(PHONE, text, "+7**********");
        return replace(TWELVE_DIGITS, masked, "************");
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(replacement)) : text;
    }
}
