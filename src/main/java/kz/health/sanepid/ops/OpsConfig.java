package kz.health.sanepid.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Metrics of the engine, the ports and the application's state (docs/PRODUCTION.md, "Health and metrics"). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OpsConfig {

    /** Static: a post-processor is created before the beans it wraps; the meter registry is looked up at use. */
    @Bean
    static PortMetrics portMetrics(ObjectProvider<MeterRegistry> meters) {
        return new PortMetrics(meters);
    }

    @Bean
    EngineJobMetrics engineJobMetrics(MeterRegistry registry) {
        return new EngineJobMetrics(registry);
    }
}
