package kz.health.sanepid.ops;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.metrics.*}: the state gauges ({@link StateGauges}), checked at start.
 *
 * @param sduRuns         how many of the latest SDU runs the recipient gauge counts, at least 1
 * @param refreshInterval how often the gauges are read from the tables
 */
@Validated
@ConfigurationProperties("sanepid.metrics")
public record MetricsProperties(@DefaultValue("10") @Min(1) int sduRuns,
                                @DefaultValue("PT30S") @NotNull Duration refreshInterval) {
}
