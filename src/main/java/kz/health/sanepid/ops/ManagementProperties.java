package kz.health.sanepid.ops;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.management.*}, checked at start.
 *
 * @param groups the engine groups whose users may read the management port beyond liveness and readiness
 *               (comma-separated in a property)
 */
@Validated
@ConfigurationProperties("sanepid.management")
public record ManagementProperties(@DefaultValue({"monitoring", "camunda-admin"}) @NotEmpty Set<String> groups) {
}
