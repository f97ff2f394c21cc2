package kz.health.sanepid.consentservice;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.consent-service.*}: the ДҚБ consent service, embedded (demo and tests) or over HTTP
 * ({@code sanepid.adapters.consent-service}), checked at start.
 */
@Validated
@ConfigurationProperties("sanepid.consent-service")
public record ConsentServiceProperties(@DefaultValue @Valid Embedded embedded, @DefaultValue @Valid Http http) {

    /**
     * @param defaultAnswer the answer to anyone not listed: GRANTED, or PENDING to leave every request open
     * @param refuseIins    respondents who refuse at once
     * @param pendingIins   respondents whose requests stay open
     */
    public record Embedded(@DefaultValue("GRANTED") @NotNull ConsentService.Status defaultAnswer,
                           @DefaultValue Set<String> refuseIins, @DefaultValue Set<String> pendingIins) {
    }

    /**
     * @param baseUrl        the service's API root; required when the http adapter is on
     * @param connectTimeout time to open a connection
     * @param readTimeout    time for one answer
     * @param maxAttempts    tries per call, at least 1
     * @param retryPause     pause between tries
     */
    public record Http(String baseUrl,
                       @DefaultValue("PT2S") @NotNull Duration connectTimeout,
                       @DefaultValue("PT5S") @NotNull Duration readTimeout,
                       @DefaultValue("3") @Min(1) int maxAttempts,
                       @DefaultValue("PT0.5S") @NotNull Duration retryPause) {
    }
}
