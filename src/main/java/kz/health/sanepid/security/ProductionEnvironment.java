package kz.health.sanepid.security;

import java.util.ArrayList;
import java.util.List;

/**
 * What a production node needs from its environment, in one place: {@link ProductionGuard} refuses to start without
 * it, {@code application-prod.yaml} reads it, and docs/PRODUCTION.md lists it (ProductionGuardTest checks that the
 * document's list is {@link #variables()}).
 */
public final class ProductionEnvironment {

    /** An outside system: its adapter property ({@code embedded} is refused), its URL property and variable. */
    public record Port(String name, String adapterProperty, String urlProperty, String urlVariable) {
    }

    public record Variable(String name, String meaning) {
    }

    public static final List<Port> PORTS = List.of(
            port("legal-entity registry", "legal-entity-registry", "LEGAL_ENTITY_REGISTRY"),
            port("person registry", "person-registry", "PERSON_REGISTRY"),
            port("civil registry", "civil-registry", "CIVIL_REGISTRY"),
            port("e-license registry", "license-registry", "LICENSE_REGISTRY"),
            port("mobile citizens base (МАБ)", "mobile-citizen-base", "MOBILE_CITIZEN_BASE"),
            port("SMS gateway", "sms-gateway", "SMS_GATEWAY"),
            port("SDU store", "sdu-store", "SDU_STORE"),
            new Port("ДҚБ consent service", "sanepid.adapters.consent-service", "sanepid.consent-service.http.base-url",
                    "SANEPID_CONSENT_SERVICE_URL"),
            port("notification relay", "notification", "NOTIFICATION"));

    private static final List<Variable> OTHERS = List.of(
            new Variable("SPRING_PROFILES_ACTIVE", "prod,postgres"),
            new Variable("SANEPID_DB_URL", "jdbc:postgresql://<host>:5432/<database>"),
            new Variable("SANEPID_DB_USER", "the database role owning the schema"),
            new Variable("SANEPID_DB_PASSWORD", "its password (not a default)"),
            new Variable("SANEPID_ADMIN_ID", "the first administrator's login (first start; ignored once one exists)"),
            new Variable("SANEPID_ADMIN_PASSWORD", "their password, meeting the password policy"),
            new Variable("SANEPID_SMS_GATEWAY_SECRET", "HMAC key shared with the SMS gateway (16+ characters)"),
            new Variable("SANEPID_CONSENT_SERVICE_SECRET", "HMAC key shared with the ДҚБ service (16+ characters)"),
            new Variable("SANEPID_TLS", "true: TLS ends at the balancer (Secure cookies, HSTS)"));

    private ProductionEnvironment() {
    }

    private static Port port(String name, String key, String variable) {
        return new Port(name, "sanepid.adapters." + key, "sanepid.http." + key + ".base-url",
                "SANEPID_" + variable + "_URL");
    }

    /** Every variable a production node is started with, in the order docs/PRODUCTION.md lists them. */
    public static List<Variable> variables() {
        List<Variable> all = new ArrayList<>(OTHERS);
        for (Port port : PORTS) {
            all.add(new Variable(port.urlVariable(), "base URL of the " + port.name()));
        }
        return all;
    }
}
