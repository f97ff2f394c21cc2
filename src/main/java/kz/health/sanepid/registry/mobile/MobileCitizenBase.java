package kz.health.sanepid.registry.mobile;

import java.util.Optional;

/** Port to the mobile citizens base (МАБ / БМГ): a person's registered mobile number, +7 and 10 digits. */
public interface MobileCitizenBase {

    Optional<String> registeredNumber(String iin);
}
