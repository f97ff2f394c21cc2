package kz.health.sanepid.disclosure;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code sanepid.disclosure.*}: the legal officer's review time and what the consent request names. */
@Component
public class DisclosureSettings {

    private final int reviewWorkingDays;
    private final String medicalOrganisationBin;
    private final String consentChannel;

    public DisclosureSettings(@Value("${sanepid.disclosure.review-working-days:3}") int reviewWorkingDays,
                              @Value("${sanepid.disclosure.medical-organisation-bin:050140000120}")
                              String medicalOrganisationBin,
                              @Value("${sanepid.disclosure.consent-channel:STATE_SERVICE}") String consentChannel) {
        if (reviewWorkingDays < 1) {
            throw new IllegalStateException("sanepid.disclosure.review-working-days must be at least 1");
        }
        if (!IdentificationNumbers.isValidBin(medicalOrganisationBin)) {
            throw new IllegalStateException("sanepid.disclosure.medical-organisation-bin is not a valid BIN: "
                    + IdentificationNumbers.binProblem(medicalOrganisationBin));
        }
        this.reviewWorkingDays = reviewWorkingDays;
        this.medicalOrganisationBin = medicalOrganisationBin;
        this.consentChannel = consentChannel;
    }

    public int reviewWorkingDays() {
        return reviewWorkingDays;
    }

    /** The operator the consent request names: the requester's BIN, else the medical organisation's own. */
    public String consentOperatorBin(String requesterIdNumber) {
        return requesterIdNumber != null && IdentificationNumbers.isValidBin(requesterIdNumber)
                ? requesterIdNumber : medicalOrganisationBin;
    }

    public String consentChannel() {
        return consentChannel;
    }
}
