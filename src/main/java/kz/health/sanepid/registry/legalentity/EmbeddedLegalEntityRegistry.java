package kz.health.sanepid.registry.legalentity;

import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireBin;
import static kz.health.sanepid.idnumber.MalformedRegistryRowException.requireIin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The legal-entity registry answered from the application's {@code legal_entity} table. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.legal-entity-registry", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedLegalEntityRegistry implements LegalEntityRegistry {

    static final String NAME = "legal-entity registry";
    private final JdbcTemplate jdbc;

    public EmbeddedLegalEntityRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RenamedOrganisation> renamedBetween(Instant fromExclusive, Instant toInclusive) {
        return jdbc.query("SELECT bin, name, previous_name, name_changed_at FROM legal_entity"
                        + " WHERE name_changed_at > ? AND name_changed_at <= ? ORDER BY name_changed_at, bin",
                (rs, i) -> new RenamedOrganisation(requireBin(NAME, rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                Timestamp.from(fromExclusive), Timestamp.from(toInclusive));
    }

    @Override
    public Optional<String> firstHeadIin(String bin) {
        return jdbc.query("SELECT first_head_iin FROM legal_entity WHERE bin = ?",
                (rs, i) -> rs.getString(1), bin).stream().filter(v -> v != null).findFirst()
                .map(iin -> requireIin(NAME, iin));
    }
}
