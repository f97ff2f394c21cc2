package kz.health.sanepid.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SyntheticRegistriesTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T00:00:00Z");
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:synthetic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @Test
    void drawsEachCriterionAtItsRate() {
        GeneratedPopulation population = new SyntheticRegistries(jdbc)
                .generate(GeneratorSpec.typical(7, 4_000, 1_000, FROM, TO));
        Map<ExpectedOutcome, Long> counts = population.expectedCounts();
        double n = population.recipients().size();
        assertThat(n).isGreaterThan(4_000);
        assertThat(counts.get(ExpectedOutcome.EXCLUDED_MISSING_OR_DEAD) / n).isCloseTo(0.05, within(0.012));
        assertThat(counts.get(ExpectedOutcome.EXCLUDED_ABROAD) / n).isCloseTo(0.05, within(0.012));
        assertThat(counts.get(ExpectedOutcome.EXCLUDED_INCAPABLE) / n).isCloseTo(0.05, within(0.012));
        assertThat(counts.get(ExpectedOutcome.EXCLUDED_IMPRISONED) / n).isCloseTo(0.05, within(0.012));
        assertThat(counts.get(ExpectedOutcome.NO_PHONE) / n).isCloseTo(0.10, within(0.015));
        assertThat((population.organisationsWithoutPermit() + population.individualsWithoutCertificate()) / 5_000.0)
                .isCloseTo(0.10, within(0.015));
    }

    @Test
    void writesRegistryRowsThatMatchThePopulation() {
        GeneratedPopulation population = new SyntheticRegistries(jdbc)
                .generate(GeneratorSpec.typical(11, 300, 100, FROM, TO));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM civil_name_change", Integer.class)).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit", Integer.class))
                .isEqualTo(population.recipients().size());
        long withoutPhone = population.expectedCounts().get(ExpectedOutcome.NO_PHONE);
        assertThat(population.recipients().stream().filter(r -> r.phone() == null).count()).isEqualTo(withoutPhone);
        assertThat(jdbc.queryForList("SELECT iin FROM person", String.class))
                .allMatch(IdentificationNumbers::isValidIin);
        assertThat(jdbc.queryForList("SELECT bin FROM legal_entity", String.class))
                .allMatch(IdentificationNumbers::isValidBin);
        assertThat(jdbc.queryForObject("SELECT MIN(name_changed_at) FROM legal_entity", java.sql.Timestamp.class)
                .toInstant()).isAfter(FROM);
        assertThat(jdbc.queryForObject("SELECT MAX(changed_at) FROM civil_name_change", java.sql.Timestamp.class)
                .toInstant()).isBeforeOrEqualTo(TO);
    }

    @Test
    void theSameSeedGivesTheSamePopulation() {
        GeneratedPopulation first = new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(5, 50, 10, FROM, TO));
        database();
        GeneratedPopulation second = new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(5, 50, 10, FROM, TO));
        assertThat(second.recipients()).isEqualTo(first.recipients());
    }
}
