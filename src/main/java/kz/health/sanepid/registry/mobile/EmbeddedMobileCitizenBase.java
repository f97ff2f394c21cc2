package kz.health.sanepid.registry.mobile;

import java.util.Optional;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.MalformedRegistryRowException;
import kz.health.sanepid.idnumber.PhoneNumbers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The mobile citizens base answered from the application's {@code mobile_subscriber} table. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.mobile-citizen-base", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedMobileCitizenBase implements MobileCitizenBase {

    private final JdbcTemplate jdbc;

    public EmbeddedMobileCitizenBase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> registeredNumber(String iin) {
        return jdbc.query("SELECT phone FROM mobile_subscriber WHERE iin = ?", (rs, i) -> rs.getString(1), iin)
                .stream().findFirst()
                .map(raw -> PhoneNumbers.normalise(raw).orElseThrow(() -> new MalformedRegistryRowException(
                        "mobile citizens base", IdentificationNumbers.mask(iin), "phone number is not +7 and 10 digits")));
    }
}
