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
    void mostRenamedIndividualsWorkAtAGivenEmployerTheOthersAtNone() {
        java.util.List<String> employers = java.util.List.of("180540000012", "190640000028");
        new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(13, 20, 400, FROM, TO), employers);
        long individuals = jdbc.queryForObject("SELECT COUNT(*) FROM person p JOIN civil_name_change c ON c.iin = p.iin",
                Long.class);
        long employed = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE employer_bin IS NOT NULL", Long.class);
        assertThat(employed / (double) individuals).isCloseTo(SyntheticRegistries.EMPLOYED_RATE, within(0.08));
        assertThat(jdbc.queryForList("SELECT DISTINCT employer_bin FROM person WHERE employer_bin IS NOT NULL",
                String.class)).containsExactlyInAnyOrderElementsOf(employers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person p JOIN legal_entity e ON e.first_head_iin = p.iin"
                + " WHERE p.employer_bin IS NOT NULL", Long.class)).as("heads of organisations: no employer").isZero();
        // without employers given, the batch's own organisations employ them
        database();
        new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(13, 20, 400, FROM, TO));
        assertThat(jdbc.queryForList("SELECT DISTINCT employer_bin FROM person WHERE employer_bin IS NOT NULL",
                String.class)).isNotEmpty().isSubsetOf(jdbc.queryForList("SELECT bin FROM legal_entity", String.class));
    }

    @Test
    void theSameSeedGivesTheSamePopulation() {
        GeneratedPopulation first = new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(5, 50, 10, FROM, TO));
        database();
        GeneratedPopulation second = new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(5, 50, 10, FROM, TO));
        assertThat(second.recipients()).isEqualTo(first.recipients());
    }
}
