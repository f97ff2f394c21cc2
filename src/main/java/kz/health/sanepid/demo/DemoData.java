package kz.health.sanepid.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills empty registries with a small synthetic set at the demo's first start (name changes of the past week); the
 * renamed individuals work at the demo employers ({@link DemoLogins#DEMO_EMPLOYERS}) or at none.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final SyntheticRegistries generator;
    private final JdbcTemplate jdbc;
    private final int organisations;
    private final int individuals;
    private final Clock clock;

    public DemoData(SyntheticRegistries generator, JdbcTemplate jdbc,
                    DemoProperties properties, Clock clock) {
        this.generator = generator;
        this.jdbc = jdbc;
        this.organisations = properties.organisations();
        this.individuals = properties.individuals();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM legal_entity", Long.class);
        if (present != null && present > 0) {
            return;
        }
        Instant now = clock.instant();
        GeneratedPopulation population = generator.generate(GeneratorSpec.typical(2026, organisations, individuals,
                now.minus(Duration.ofDays(7)), now.minusSeconds(60)), DemoLogins.DEMO_EMPLOYERS);
        LOG.info("demo registries filled: {} organisations, {} individuals, {} recipients expected {}",
                population.organisations(), population.individuals(), population.recipients().size(),
                population.expectedCounts());
    }
}
