package kz.health.sanepid.http;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.http.*}: the HTTP adapters of the outside systems, checked at start. The time-outs and attempts are
 * {@link JsonHttpClient}'s; each outside system has its own {@code base-url}, required only where its adapter is
 * switched to {@code http} ({@code sanepid.adapters.*}): the adapter's constructor then fails the start without it
 * ({@link #baseUrl(Endpoint, String)}).
 *
 * @param connectTimeout      time to open a connection
 * @param requestTimeout      time for one request's answer
 * @param attempts            tries per call on network errors and 5xx (every call is idempotent), at least 1
 * @param smsGateway          the eGov portal's SMS gateway
 * @param personRegistry      the State database "Individuals" (GBD FL)
 * @param legalEntityRegistry the State database "Legal entities" (GBD UL)
 * @param civilRegistry       the civil registry (death records)
 * @param licenseRegistry     the State licensing database (permits)
 * @param mobileCitizenBase   the mobile citizen base (registered numbers)
 * @param sduStore            the document store for SDU re-issues
 * @param notification        the notification relay (cabinet and e-mail)
 */
@Validated
@ConfigurationProperties("sanepid.http")
public record AdapterProperties(
        @DefaultValue("PT2S") @NotNull Duration connectTimeout,
        @DefaultValue("PT5S") @NotNull Duration requestTimeout,
        @DefaultValue("3") @Min(1) int attempts,
        @Valid Endpoint smsGateway,
        @Valid Endpoint personRegistry,
        @Valid Endpoint legalEntityRegistry,
        @Valid Endpoint civilRegistry,
        @Valid Endpoint licenseRegistry,
        @Valid Endpoint mobileCitizenBase,
        @Valid Endpoint sduStore,
        @Valid Endpoint notification) {

    /** {@code sanepid.http.<system>.base-url}. */
    public record Endpoint(String baseUrl) {
    }

    /** The endpoint's base URL, or a start-up failure naming the missing property. */
    public static String baseUrl(Endpoint endpoint, String system) {
        if (endpoint == null || endpoint.baseUrl() == null) {
            throw new IllegalStateException("sanepid.http." + system + ".base-url is required by its http adapter");
        }
        return endpoint.baseUrl();
    }
}
