package kz.health.sanepid.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import kz.health.sanepid.complaint.ComplaintReview;
import kz.health.sanepid.complaint.ComplaintTerms;
import kz.health.sanepid.consent.ConsentSettings;
import kz.health.sanepid.disclosure.DisclosureSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The terms' records bind their defaults, take the properties by their names, and refuse a bad value at start. */
class TermsConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ComplaintTerms.class, ConsentSettings.class, DisclosureSettings.class})
    static class Terms {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Terms.class);

    @Test
    void defaultsAreTheLegalTerms() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ComplaintTerms.class)).isEqualTo(
                    new ComplaintTerms(5, 3, 15, ComplaintReview.CountFrom.PROVIDER_REGISTRATION));
            assertThat(context.getBean(ConsentSettings.class)).isEqualTo(new ConsentSettings("P3D", 3));
            assertThat(context.getBean(DisclosureSettings.class).reviewWorkingDays()).isEqualTo(3);
        });
    }

    @Test
    void thePropertiesKeepTheirNames() {
        runner.withPropertyValues("sanepid.complaint.head-decision-working-days=6",
                        "sanepid.complaint.reviewing-body-count-from=FORWARDED",
                        "sanepid.consent.answer-timeout=PT72H", "sanepid.consent.officer-review-working-days=2",
                        "sanepid.disclosure.review-working-days=4")
                .run(context -> {
                    assertThat(context.getBean(ComplaintTerms.class).headDecisionWorkingDays()).isEqualTo(6);
                    assertThat(context.getBean(ComplaintTerms.class).reviewingBodyCountFrom())
                            .isEqualTo(ComplaintReview.CountFrom.FORWARDED);
                    assertThat(context.getBean(ConsentSettings.class)).isEqualTo(new ConsentSettings("PT72H", 2));
                    assertThat(context.getBean(DisclosureSettings.class).reviewWorkingDays()).isEqualTo(4);
                });
    }

    @Test
    void aBadValueStopsTheStart() {
        runner.withPropertyValues("sanepid.complaint.reviewing-body-working-days=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("reviewingBodyWorkingDays"));
        runner.withPropertyValues("sanepid.consent.answer-timeout=3 days")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("ISO-8601"));
        runner.withPropertyValues("sanepid.consent.officer-review-working-days=-1")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("sanepid.disclosure.medical-organisation-bin=123")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("medical-organisation-bin"));
    }
}
