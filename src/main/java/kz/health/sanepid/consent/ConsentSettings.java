package kz.health.sanepid.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.consent.*}: the consent diagrams' terms, read by name, e.g.
 * {@code ${consentSettings.answerTimeout()}} (the bean's alias, config/ExpressionNames).
 *
 * @param answerTimeout            how long the subject (or representative) has to answer through the ДҚБ service
 *                                 before the request expires, an ISO-8601 duration (default P3D; comparable practice:
 *                                 72 hours for eGov proactive offers)
 * @param officerReviewWorkingDays the data-protection officer's term for a legal-ground confirmation and a revocation
 *                                 review, in working days: no term in Law 94-V for these internal steps, so a
 *                                 configured one (default 3, like the disclosure review); the tasks' due dates,
 *                                 {@code ${workingDays.deadlineFromNow(consentSettings.officerReviewWorkingDays())}}
 */
@Validated
@ConfigurationProperties("sanepid.consent")
public record ConsentSettings(
        @DefaultValue("P3D") @NotNull
        @Pattern(regexp = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$",
                message = "must be an ISO-8601 duration such as P3D") String answerTimeout,
        @DefaultValue("3") @Positive int officerReviewWorkingDays) {
}
