package kz.health.sanepid.registry.mobile;

import java.util.Optional;

/**
 * Port to the mobile citizens base (МАБ / БМГ): a person's registered mobile number, +7 and 10 digits, and the
 * language the subscriber chose on eGov when the base knows it.
 */
public interface MobileCitizenBase {

    /** The subscriber of an IIN: its number and, when known, its language ("kk", "ru"; null when unknown). */
    Optional<Subscriber> subscriber(String iin);

    default Optional<String> registeredNumber(String iin) {
        return subscriber(iin).map(Subscriber::phone);
    }

    record Subscriber(String phone, String language) {
    }
}
