package kz.health.sanepid.registry.person;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireBin;
import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The person registry answered from the application's {@code person} table. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.person-registry", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPersonRegistry implements PersonRegistry {

    static final String NAME = "person registry";
    private final JdbcTemplate jdbc;

    public EmbeddedPersonRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PersonRecord> find(String iin) {
        return jdbc.query("SELECT iin, surname, given_name, patronymic, birth_date, declared_missing, resides_abroad,"
                        + " declared_incapable, imprisoned, representative_iin, employer_bin FROM person WHERE iin = ?",
                (rs, i) -> new PersonRecord(requireIin(NAME, rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getBoolean(6), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getBoolean(9),
                        rs.getString(10) == null ? null : requireIin(NAME, rs.getString(10)),
                        rs.getString(11) == null ? null : requireBin(NAME, rs.getString(11))),
                iin).stream().findFirst();
    }
}
