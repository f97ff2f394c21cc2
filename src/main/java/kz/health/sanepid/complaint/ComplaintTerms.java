package kz.health.sanepid.complaint;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.complaint.*}: the complaint's legal terms, in working days, in one place. The diagram names them
 * ({@code ${workingDays.deadline(registeredAt, complaintTerms.headDecisionWorkingDays())}}) and the Java reads them
 * from here; neither repeats the number.
 *
 * @param headDecisionWorkingDays  the head of the provider decides within 5 working days of registration
 *                                 (Law "On public services" art. 25(2); 004 App.2 item 19)
 * @param forwardingWorkingDays    the provider satisfies the complaint or forwards it to the reviewing body within
 *                                 3 working days (APPK art. 91(4))
 * @param reviewingBodyWorkingDays the reviewing body decides within 15 working days (004 App.2 item 19)
 * @param reviewingBodyCountFrom   where those 15 days are counted from ("from its registration"):
 *                                 PROVIDER_REGISTRATION or FORWARDED
 */
@Validated
@ConfigurationProperties("sanepid.complaint")
public record ComplaintTerms(
        @DefaultValue("5") @Positive int headDecisionWorkingDays,
        @DefaultValue("3") @Positive int forwardingWorkingDays,
        @DefaultValue("15") @Positive int reviewingBodyWorkingDays,
        @DefaultValue("PROVIDER_REGISTRATION") @NotNull ComplaintReview.CountFrom reviewingBodyCountFrom) {

    /** The same terms with the reviewing body's count started elsewhere. */
    public ComplaintTerms countingFrom(ComplaintReview.CountFrom countFrom) {
        return new ComplaintTerms(headDecisionWorkingDays, forwardingWorkingDays, reviewingBodyWorkingDays, countFrom);
    }
}
