package kz.health.sanepid.registry.mobile;

import java.util.Optional;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.MalformedRegistryRowException;
import kz.health.sanepid.idnumber.PhoneNumbers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The mobile citizens base answered from the application's {@code mobile_subscriber} table (number, language). */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.mobile-citizen-base", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedMobileCitizenBase implements MobileCitizenBase {

    private final JdbcTemplate jdbc;

    public EmbeddedMobileCitizenBase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Subscriber> subscriber(String iin) {
        return jdbc.query("SELECT phone, language FROM mobile_subscriber WHERE iin = ?",
                        (rs, i) -> new Subscriber(rs.getString(1), rs.getString(2)), iin)
                .stream().findFirst()
                .map(raw -> new Subscriber(PhoneNumbers.normalise(raw.phone()).orElseThrow(() -> new MalformedRegistryRowException(
                        "mobile citizens base", IdentificationNumbers.mask(iin), "phone number is not +7 and 10 digits")),
                        raw.language()));
    }
}
