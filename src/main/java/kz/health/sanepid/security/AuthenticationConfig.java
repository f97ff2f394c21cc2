package kz.health.sanepid.security;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Authentication from the start: {@code /engine-rest/*} and {@code /api/*} answer 401 without credentials. */
@Configuration
public class AuthenticationConfig {

    /** Called by outside gateways with a signed request, not by people. */
    public static final String SMS_INBOUND_PATH = "/api/sms/inbound";
    public static final String CONSENT_ANSWERS_PATH = "/api/consent-service/answers";
    static final java.util.Set<String> GATEWAY_PATHS = java.util.Set.of(SMS_INBOUND_PATH, CONSENT_ANSWERS_PATH);

    @Bean
    FilterRegistrationBean<GatewaySignatureFilter> smsGatewayAuthentication(
            GatewayProperties settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return gatewayFilter("sms-gateway", SMS_INBOUND_PATH, settings.smsSecret(), settings, jdbc, transactions, clock);
    }

    @Bean
    FilterRegistrationBean<GatewaySignatureFilter> consentServiceAuthentication(
            GatewayProperties settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return gatewayFilter("consent-service", CONSENT_ANSWERS_PATH, settings.consentServiceSecret(), settings, jdbc,
                transactions, clock);
    }

    private static FilterRegistrationBean<GatewaySignatureFilter> gatewayFilter(String gateway, String path,
            String secret, GatewayProperties settings, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        FilterRegistrationBean<GatewaySignatureFilter> registration = new FilterRegistrationBean<>(
                new GatewaySignatureFilter(gateway, secret, settings.allowSecretOnly(), settings.signatureWindow(),
                        jdbc, transactions, clock));
        registration.setName(gateway + "-authentication");
        registration.addUrlPatterns(path);
        registration.setOrder(9);
        return registration;
    }

    /** First: every answer of the APIs, refusals included, carries the headers. */
    @Bean
    FilterRegistrationBean<ApiResponseHeadersFilter> apiResponseHeaders(
            SecurityProperties security) {
        FilterRegistrationBean<ApiResponseHeadersFilter> registration =
                new FilterRegistrationBean<>(new ApiResponseHeadersFilter(security.tls()));
        registration.setName("api-response-headers");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(7);
        return registration;
    }

    /** Before authentication: an oversized body is refused without reading it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiBodySizeLimit(
            SecurityProperties security) {
        return sizeLimit("api-body-size-limit", "/api/*", security.maxApiBodyBytes());
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> engineRestBodySizeLimit(
            SecurityProperties security) {
        return sizeLimit("engine-rest-body-size-limit", "/engine-rest/*", security.maxEngineRestBodyBytes());
    }

    private static FilterRegistrationBean<RequestSizeLimitFilter> sizeLimit(String name, String path, long limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit));
        registration.setName(name);
        registration.addUrlPatterns(path);
        registration.setOrder(8);
        return registration;
    }

    /** Camunda's first-run setup: closed in every profile (SetupClosedFilter). */
    @Bean
    FilterRegistrationBean<SetupClosedFilter> setupClosed() {
        FilterRegistrationBean<SetupClosedFilter> registration = new FilterRegistrationBean<>(new SetupClosedFilter());
        registration.setName("setup-closed");
        registration.addUrlPatterns(SetupClosedFilter.PATH);
        registration.setOrder(6);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        registration.setOrder(10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, GATEWAY_PATHS));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(11);
        return registration;
    }
}
