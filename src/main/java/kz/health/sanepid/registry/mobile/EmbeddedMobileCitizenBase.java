package kz.health.sanepid.registry.mobile;

import java.util.Optional;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.MalformedRegistryRowException;
import kz.health.sanepid.idnumber.PhoneNumbers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The mobile citizens base answered from the application's {@code mobile_subscriber} table (number, language). */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.mobile-citizen-base", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedMobileCitizenBase implements MobileCitizenBase {

    /**
     * Columns {@code phone, language} copied into the record's components of those names, so Spring's mapper does it.
     * The other JdbcTemplate mappings of the project stay lambdas: they convert as they read (a TIMESTAMP to an
     * {@code Instant}, often nullable; a string to an enum; an IIN or BIN checked as it is read; a status to a
     * boolean), which DataClassRowMapper would do through the driver's {@code getObject} and a ConversionService,
     * differently on H2 and PostgreSQL, or not at all.
     */
    private static final RowMapper<Subscriber> SUBSCRIBER = new DataClassRowMapper<>(Subscriber.class);

    private final JdbcTemplate jdbc;

    public EmbeddedMobileCitizenBase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Subscriber> subscriber(String iin) {
        return jdbc.query("SELECT phone, language FROM mobile_subscriber WHERE iin = ?",
                        SUBSCRIBER, iin)
                .stream().findFirst()
                .map(raw -> new Subscriber(PhoneNumbers.normalise(raw.phone()).orElseThrow(() -> new MalformedRegistryRowException(
                        "mobile citizens base", IdentificationNumbers.mask(iin), "phone number is not +7 and 10 digits")),
                        raw.language()));
    }
}
