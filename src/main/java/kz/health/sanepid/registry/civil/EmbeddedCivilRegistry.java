package kz.health.sanepid.registry.civil;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The civil registry answered from the application's {@code civil_*} tables. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.civil-registry", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedCivilRegistry implements CivilRegistry {

    static final String NAME = "civil registry";
    private final JdbcTemplate jdbc;

    public EmbeddedCivilRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<NameChange> nameChangesBetween(Instant fromExclusive, Instant toInclusive) {
        return jdbc.query("SELECT id, iin, previous_full_name, new_full_name, changed_at FROM civil_name_change"
                        + " WHERE changed_at > ? AND changed_at <= ? ORDER BY changed_at, id",
                (rs, i) -> new NameChange(rs.getLong(1), requireIin(NAME, rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()),
                Timestamp.from(fromExclusive), Timestamp.from(toInclusive));
    }

    @Override
    public boolean hasDeathRecord(String iin) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM civil_death WHERE iin = ?", Integer.class, iin);
        return n != null && n > 0;
    }
}
