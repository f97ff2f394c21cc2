package kz.health.sanepid.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.gateways.*}: the outside gateways that call us with a signed request, checked at start.
 *
 * @param smsSecret            the SMS gateway's shared secret (required)
 * @param consentServiceSecret the consent service's shared secret (required)
 * @param allowSecretOnly      the demo profile's allowance of the secret alone, without a signature
 * @param signatureWindow      how far a signed request's timestamp may be from now
 */
@Validated
@ConfigurationProperties("sanepid.gateways")
public record GatewayProperties(@NotNull String smsSecret, @NotNull String consentServiceSecret,
                                @DefaultValue("false") boolean allowSecretOnly,
                                @DefaultValue("PT5M") @NotNull Duration signatureWindow) {
}
