package kz.health.sanepid.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authentication from the start: {@code /engine-rest/*} and {@code /api/*} answer 401 without credentials. */
@Configuration
public class AuthenticationConfig {

    /** Called by outside gateways with a shared secret, not by people. */
    public static final String SMS_INBOUND_PATH = "/api/sms/inbound";
    public static final String CONSENT_ANSWERS_PATH = "/api/consent-service/answers";
    static final java.util.Set<String> GATEWAY_PATHS = java.util.Set.of(SMS_INBOUND_PATH, CONSENT_ANSWERS_PATH);

    @Bean
    FilterRegistrationBean<GatewaySecretFilter> smsGatewayAuthentication(
            @org.springframework.beans.factory.annotation.Value("${sanepid.gateways.sms-secret}") String secret) {
        return gatewayFilter("sms-gateway-authentication", SMS_INBOUND_PATH, secret);
    }

    @Bean
    FilterRegistrationBean<GatewaySecretFilter> consentServiceAuthentication(
            @org.springframework.beans.factory.annotation.Value("${sanepid.gateways.consent-service-secret}") String secret) {
        return gatewayFilter("consent-service-authentication", CONSENT_ANSWERS_PATH, secret);
    }

    private static FilterRegistrationBean<GatewaySecretFilter> gatewayFilter(String name, String path, String secret) {
        FilterRegistrationBean<GatewaySecretFilter> registration =
                new FilterRegistrationBean<>(new GatewaySecretFilter(secret));
        registration.setName(name);
        registration.addUrlPatterns(path);
        registration.setOrder(9);
        return registration;
    }

    /** Before authentication: an oversized body is refused without reading it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiBodySizeLimit(
            @org.springframework.beans.factory.annotation.Value("${sanepid.security.max-api-body-bytes:65536}") long limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit));
        registration.setName("api-body-size-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(8);
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
