package kz.health.sanepid.disclosure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.disclosure.*}: the legal officer's review time and what the consent request names.
 *
 * @param reviewWorkingDays      the legal officer's review of a request (Health Code art. 95(4)), in working days;
 *                               copied into the instance's {@code reviewWorkingDays} at registration, so a request
 *                               keeps the term it was received under
 * @param medicalOrganisationBin the operator named in the patient's consent request when the requester has no BIN
 * @param consentChannel         the channel the consent is asked through (Law 94-V art. 8)
 */
@Validated
@ConfigurationProperties("sanepid.disclosure")
public record DisclosureSettings(
        @DefaultValue("3") @Positive int reviewWorkingDays,
        @DefaultValue("050140000120") @NotBlank String medicalOrganisationBin,
        @DefaultValue("STATE_SERVICE") @NotBlank String consentChannel) {

    public DisclosureSettings {
        if (medicalOrganisationBin != null && !IdentificationNumbers.isValidBin(medicalOrganisationBin)) {
            throw new IllegalStateException("sanepid.disclosure.medical-organisation-bin is not a valid BIN: "
                    + IdentificationNumbers.binProblem(medicalOrganisationBin));
        }
    }

    /** The operator the consent request names: the requester's BIN, else the medical organisation's own. */
    public String consentOperatorBin(String requesterIdNumber) {
        return requesterIdNumber != null && IdentificationNumbers.isValidBin(requesterIdNumber)
                ? requesterIdNumber : medicalOrganisationBin;
    }
}
