package kz.health.sanepid.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import kz.health.sanepid.demo.DemoLogins;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start, and says why, while anything of the demo is left: a default or demo
 * credential (001 "shared logins", weak passwords), a demo login, a port on its embedded stand-in (synthetic
 * registries, an SMS outbox table, a ДҚБ that grants at once), an outside system without its URL, or no
 * administrator (neither a {@code camunda-admin} member nor {@code SANEPID_ADMIN_ID}/{@code SANEPID_ADMIN_PASSWORD}).
 * It runs once every bean exists and before the web server opens its port, so a refused node never serves a request.
 * What it demands is {@link ProductionEnvironment}, which docs/PRODUCTION.md lists (checked by a test).
 */
@Component
@Profile("prod")
public class ProductionGuard implements SmartInitializingSingleton {

    static final Set<String> KNOWN_SECRETS = Set.of("demo-sms-gateway-secret-2026", "demo-consent-service-secret-2026",
            "sanepid-ci-only", "", "sa", "postgres", "sanepid");

    private final ApplicationContext context;
    private final Environment environment;
    private final IdentityService identityService;

    public ProductionGuard(ApplicationContext context, IdentityService identityService) {
        this.context = context;
        this.environment = context.getEnvironment();
        this.identityService = identityService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = problems();
        FirstAdministrator administrator = new FirstAdministrator(identityService,
                environment.getProperty("sanepid.admin.id", ""), environment.getProperty("sanepid.admin.password", ""));
        if (problems.isEmpty()) {
            problems.addAll(administrator.ensure());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start: " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            problems.add("the demo profile is active together with prod");
        }
        if (KNOWN_SECRETS.contains(environment.getProperty("sanepid.gateways.sms-secret", ""))) {
            problems.add("sanepid.gateways.sms-secret is a default value (set SANEPID_SMS_GATEWAY_SECRET)");
        }
        if (KNOWN_SECRETS.contains(environment.getProperty("sanepid.gateways.consent-service-secret", ""))) {
            problems.add("sanepid.gateways.consent-service-secret is a default value (set SANEPID_CONSENT_SERVICE_SECRET)");
        }
        if (KNOWN_SECRETS.contains(environment.getProperty("spring.datasource.password", ""))) {
            problems.add("the database password is empty or a default (set SANEPID_DB_PASSWORD)");
        }
        if (environment.getProperty("sanepid.gateways.allow-secret-only", Boolean.class, false)) {
            problems.add("sanepid.gateways.allow-secret-only is on: gateways must sign their requests");
        }
        if (environment.getProperty("camunda.bpm.database.schema-update", Boolean.class, true)) {
            problems.add("camunda.bpm.database.schema-update is on: the engine's schema comes from the migrations");
        }
        Set<String> embedded = embeddedAdapters();
        if (!embedded.isEmpty()) {
            problems.add("ports on their embedded stand-in (set each to http): " + String.join(", ", embedded));
        }
        for (ProductionEnvironment.Port port : ProductionEnvironment.PORTS) {
            if (environment.getProperty(port.urlProperty(), "").isBlank()) {
                problems.add("no URL for the " + port.name() + " (set " + port.urlVariable() + ")");
            }
        }
        problems.addAll(demoLoginsPresent(identityService));
        return problems;
    }

    /** The properties of the ports whose embedded adapter is a bean ({@code sanepid.adapters.x=embedded}). */
    Set<String> embeddedAdapters() {
        Set<String> embedded = new TreeSet<>();
        for (String bean : context.getBeanNamesForAnnotation(ConditionalOnProperty.class)) {
            ConditionalOnProperty condition = context.findAnnotationOnBean(bean, ConditionalOnProperty.class);
            if (condition != null && "embedded".equals(condition.havingValue())) {
                for (String name : condition.name()) {
                    embedded.add(condition.prefix().isEmpty() ? name : condition.prefix() + "." + name);
                }
            }
        }
        return embedded;
    }

    /**
     * A user with a demo login's id, looked up without trying its password: a failed attempt spent here at every
     * start would lock a real officer whose id happens to be {@code dpo}.
     */
    static List<String> demoLoginsPresent(IdentityService identityService) {
        List<String> problems = new ArrayList<>();
        for (DemoLogins.Login login : DemoLogins.LOGINS) {
            if (identityService.createUserQuery().userId(login.userId()).count() > 0) {
                problems.add("demo login '" + login.userId() + "' exists (delete it or rename the user)");
            }
        }
        return problems;
    }
}
