package kz.health.sanepid.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.security.*}, checked at start (the production profile's own checks
 * of secrets and URLs are config/ProductionGuard's).
 *
 * @param tls                       whether the application is served over TLS (HSTS header on the APIs)
 * @param maxApiBodyBytes           bodies of /api/** above this size are refused with 413
 * @param maxEngineRestBodyBytes    bodies of /engine-rest/** above this size are refused with 413
 * @param passwordHashIterations    PBKDF2-HMAC-SHA256 iterations of new password hashes
 */
@Validated
@ConfigurationProperties("sanepid.security")
public record SecurityProperties(
        @DefaultValue("false") boolean tls,
        @DefaultValue("65536") @Min(1) long maxApiBodyBytes,
        @DefaultValue("2097152") @Min(1) long maxEngineRestBodyBytes,
        @DefaultValue("210000") @Min(1) int passwordHashIterations) {
}
