package kz.health.sanepid.demo;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.demo.*}: how much synthetic data the demo profile generates ({@link DemoData}), checked at start.
 *
 * @param organisations synthetic organisations
 * @param individuals   synthetic individuals
 */
@Validated
@ConfigurationProperties("sanepid.demo")
public record DemoProperties(@DefaultValue("40") @Min(0) int organisations,
                             @DefaultValue("10") @Min(0) int individuals) {
}
