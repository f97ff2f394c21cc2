package kz.health.sanepid.idnumber;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import kz.health.sanepid.logging.PersonalDataMasking;

/**
 * Random identifiers (business keys, permit numbers) that the personal-data masking never mistakes for an IIN, a BIN or
 * a phone number. A masked key is lost to the people who need it: the managers' Cockpit shows business keys through
 * {@link PersonalDataMasking}, so a complaint number whose 12 hexadecimal digits happened to be decimal ones
 * (CMP-540024611917, about 1 in 280 draws) showed as CMP-************ and its manager could not find it; the logs
 * mask the same way. A draw the masking would change is drawn again.
 */
public final class RandomKeys {

    private RandomKeys() {
    }

    /** {@code prefix} and {@code length} upper-case hexadecimal digits (at most 32), e.g. CMP-9C7EB59EBD21. */
    public static String hex(String prefix, int length) {
        if (length < 1 || length > 32) {
            throw new IllegalArgumentException("length must be 1 to 32: " + length);
        }
        return clearOf(() -> prefix + UUID.randomUUID().toString().replace("-", "").substring(0, length)
                .toUpperCase(Locale.ROOT));
    }

    /** A random UUID in its usual spelling. */
    public static String uuid() {
        return clearOf(() -> UUID.randomUUID().toString());
    }

    /** The first draw that {@link PersonalDataMasking#mask} leaves whole, for a key of another shape. */
    public static String clearOf(Supplier<String> draw) {
        while (true) {
            String key = draw.get();
            if (PersonalDataMasking.mask(key).equals(key)) {
                return key;
            }
        }
    }
}
