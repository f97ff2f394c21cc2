package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import kz.health.sanepid.SanepidApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile does not start on demo or default credentials, and says which. */
class ProductionGuardTest {

    @Test
    void refusesDefaultCredentials() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(SanepidApplication.class).profiles("prod");
        // command-line arguments: they outrank application.yaml (builder properties would not)
        String[] args = {"--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=false",
                "--SANEPID_SMS_GATEWAY_SECRET=demo-sms-gateway-secret-2026",
                "--SANEPID_CONSENT_SERVICE_SECRET=a-real-looking-secret-0123456789"};
        assertThatThrownBy(() -> app.run(args))
                .hasStackTraceContaining("the prod profile refuses to start")
                .hasStackTraceContaining("sanepid.gateways.sms-secret is a default value")
                .hasStackTraceContaining("the database password is empty or a default");
    }
}
