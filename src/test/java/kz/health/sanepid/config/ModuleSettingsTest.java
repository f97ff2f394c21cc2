package kz.health.sanepid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import kz.health.sanepid.consentservice.ConsentService;
import kz.health.sanepid.consentservice.ConsentServiceProperties;
import kz.health.sanepid.demo.DemoProperties;
import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.ops.ManagementProperties;
import kz.health.sanepid.ops.MetricsProperties;
import kz.health.sanepid.professionalregister.RegisterSettings;
import kz.health.sanepid.reissuance.SduSettings;
import kz.health.sanepid.security.GatewayProperties;
import kz.health.sanepid.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The modules' configuration records (README "Configuration"): their defaults, the property names every yaml and test
 * property uses, and a bad or missing value refused at start.
 */
class ModuleSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SduSettings.class, RegisterSettings.class, AdapterProperties.class,
            ConsentServiceProperties.class, GatewayProperties.class, SecurityProperties.class,
            ManagementProperties.class, MetricsProperties.class, DemoProperties.class})
    static class Settings {
    }

    /** What has no default: the SDU pilot's dates, schedule and operator, and the gateways' secrets. */
    static final String[] REQUIRED = {"sanepid.sdu.pilot-ends-on=2027-01-29", "sanepid.sdu.schedule-cycle=0 0 2 * * ?",
            "sanepid.sdu.operator-bin=990240002453", "sanepid.sdu.first-window-from=2026-01-30",
            "sanepid.gateways.sms-secret=s", "sanepid.gateways.consent-service-secret=c"};

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(REQUIRED);

    @Test
    void theDefaultsAreInTheRecords() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SduSettings sdu = context.getBean(SduSettings.class);
            assertThat(sdu.batchSize()).isEqualTo(500);
            assertThat(sdu.replyWait()).isEqualTo("P3D");
            assertThat(sdu.pilotEndsOn()).isEqualTo(LocalDate.of(2027, 1, 29));
            assertThat(sdu.consentValidUntil()).isEqualTo("2027-01-29");
            assertThat(context.getBean(RegisterSettings.class).updateWorkingDays()).isEqualTo(3);
            AdapterProperties http = context.getBean(AdapterProperties.class);
            assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(http.attempts()).isEqualTo(3);
            ConsentServiceProperties consent = context.getBean(ConsentServiceProperties.class);
            assertThat(consent.embedded().defaultAnswer()).isEqualTo(ConsentService.Status.GRANTED);
            assertThat(consent.embedded().refuseIins()).isEmpty();
            assertThat(consent.http().maxAttempts()).isEqualTo(3);
            assertThat(consent.http().retryPause()).isEqualTo(Duration.ofMillis(500));
            assertThat(context.getBean(GatewayProperties.class).signatureWindow()).isEqualTo(Duration.ofMinutes(5));
            assertThat(context.getBean(GatewayProperties.class).allowSecretOnly()).isFalse();
            assertThat(context.getBean(SecurityProperties.class))
                    .isEqualTo(new SecurityProperties(false, 65_536, 2_097_152, 210_000));
            assertThat(context.getBean(ManagementProperties.class).groups())
                    .containsExactlyInAnyOrder("monitoring", "camunda-admin");
            assertThat(context.getBean(MetricsProperties.class))
                    .isEqualTo(new MetricsProperties(10, Duration.ofSeconds(30)));
            assertThat(context.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(40, 10));
        });
    }

    @Test
    void thePropertiesKeepTheirNames() {
        runner.withPropertyValues("sanepid.sdu.batch-size=4", "sanepid.sdu.reply-wait=PT72H",
                        "sanepid.professional-register.update-working-days=5",
                        "sanepid.http.attempts=2", "sanepid.http.sms-gateway.base-url=http://sms",
                        "sanepid.consent-service.embedded.refuse-iins=111, 222",
                        "sanepid.consent-service.http.base-url=http://kdp",
                        "sanepid.management.groups=ops, monitoring", "sanepid.metrics.refresh-interval=PT1M",
                        "sanepid.security.password-hash-iterations=1000", "sanepid.demo.individuals=3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SduSettings.class).batchSize()).isEqualTo(4);
                    assertThat(context.getBean(SduSettings.class).replyWait()).isEqualTo("PT72H");
                    assertThat(context.getBean(RegisterSettings.class).updateWorkingDays()).isEqualTo(5);
                    AdapterProperties http = context.getBean(AdapterProperties.class);
                    assertThat(http.attempts()).isEqualTo(2);
                    assertThat(AdapterProperties.baseUrl(http.smsGateway(), "sms-gateway")).isEqualTo("http://sms");
                    assertThat(context.getBean(ConsentServiceProperties.class).embedded().refuseIins())
                            .isEqualTo(Set.of("111", "222"));
                    assertThat(context.getBean(ConsentServiceProperties.class).http().baseUrl())
                            .isEqualTo("http://kdp");
                    assertThat(context.getBean(ManagementProperties.class).groups())
                            .isEqualTo(Set.of("ops", "monitoring"));
                    assertThat(context.getBean(MetricsProperties.class).refreshInterval())
                            .isEqualTo(Duration.ofMinutes(1));
                    assertThat(context.getBean(SecurityProperties.class).passwordHashIterations()).isEqualTo(1000);
                    assertThat(context.getBean(DemoProperties.class).individuals()).isEqualTo(3);
                });
    }

    @Test
    void aBadOrMissingValueStopsTheStart() {
        runner.withPropertyValues("sanepid.sdu.operator-bin=123")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("operator-bin"));
        runner.withPropertyValues("sanepid.sdu.reply-wait=PT30M")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("reply-wait"));
        runner.withPropertyValues("sanepid.sdu.batch-size=0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("batchSize"));
        runner.withPropertyValues("sanepid.sdu.schedule-cycle= ")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("scheduleCycle"));
        runner.withPropertyValues("sanepid.professional-register.update-working-days=31")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("updateWorkingDays"));
        runner.withPropertyValues("sanepid.http.attempts=0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("attempts"));
        runner.withPropertyValues("sanepid.consent-service.http.max-attempts=0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxAttempts"));
        runner.withPropertyValues("sanepid.metrics.sdu-runs=0")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("sduRuns"));
        runner.withPropertyValues("sanepid.management.groups=")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("groups"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withPropertyValues("sanepid.sdu.pilot-ends-on=2027-01-29", "sanepid.sdu.schedule-cycle=x",
                        "sanepid.sdu.operator-bin=990240002453", "sanepid.sdu.first-window-from=2026-01-30",
                        "sanepid.gateways.sms-secret=s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("consentServiceSecret"));
    }

    @Test
    void aBaseUrlIsRequiredOnlyByItsHttpAdapter() {
        runner.run(context -> {
            AdapterProperties http = context.getBean(AdapterProperties.class);
            assertThat(http.personRegistry()).isNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> AdapterProperties.baseUrl(http.personRegistry(), "person-registry"))
                    .hasMessageContaining("sanepid.http.person-registry.base-url");
        });
    }
}
