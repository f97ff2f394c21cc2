package kz.health.sanepid.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import kz.health.sanepid.demo.DemoLogins;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start while a default or demo credential is configured (001 "shared
 * logins", weak passwords), and says which.
 */
@Component
@Profile("prod")
@Order(Integer.MIN_VALUE)
public class ProductionGuard implements ApplicationRunner {

    static final Set<String> KNOWN_SECRETS = Set.of("demo-sms-gateway-secret-2026", "demo-consent-service-secret-2026",
            "sanepid-ci-only", "", "sa", "postgres", "sanepid");

    private final Environment environment;
    private final IdentityService identityService;
    private final String smsSecret;
    private final String consentSecret;
    private final String databasePassword;

    public ProductionGuard(Environment environment, IdentityService identityService,
                           @Value("${sanepid.gateways.sms-secret}") String smsSecret,
                           @Value("${sanepid.gateways.consent-service-secret}") String consentSecret,
                           @Value("${spring.datasource.password:}") String databasePassword) {
        this.environment = environment;
        this.identityService = identityService;
        this.smsSecret = smsSecret;
        this.consentSecret = consentSecret;
        this.databasePassword = databasePassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            problems.add("the demo profile is active together with prod");
        }
        if (KNOWN_SECRETS.contains(smsSecret)) {
            problems.add("sanepid.gateways.sms-secret is a default value (set SANEPID_SMS_GATEWAY_SECRET)");
        }
        if (KNOWN_SECRETS.contains(consentSecret)) {
            problems.add("sanepid.gateways.consent-service-secret is a default value (set SANEPID_CONSENT_SERVICE_SECRET)");
        }
        if (KNOWN_SECRETS.contains(databasePassword)) {
            problems.add("the database password is empty or a default (set SANEPID_DB_PASSWORD)");
        }
        for (DemoLogins.Login login : DemoLogins.LOGINS) {
            if (identityService.checkPassword(login.userId(), login.password())) {
                problems.add("demo login '" + login.userId() + "' exists with its demo password");
            }
        }
        return problems;
    }
}
