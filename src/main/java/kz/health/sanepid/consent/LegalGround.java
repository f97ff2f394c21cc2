package kz.health.sanepid.consent;

/**
 * The outputs of the decision {@code consent-legal-basis}: {@link #CONSENT_REQUIRED} or a ground on which personal
 * data may be processed without the subject's consent, with the clause it rests on.
 */
public enum LegalGround {
    CONSENT_REQUIRED("Law 94-V art. 7; Health Code art. 95(3)"),
    LAW94_9_1_ENFORCEMENT("Law 94-V art. 9 item 1: law-enforcement bodies, courts, authorised state bodies"
            + " in administrative-offence and enforcement cases"),
    LAW94_9_2_STATE_STATISTICS("Law 94-V art. 9 item 2: state statistical activity"),
    LAW94_9_3_DEPERSONALISED_STATISTICS("Law 94-V art. 9 item 3: state bodies' statistical use, depersonalised"),
    LAW94_9_4_INTERNATIONAL_TREATY("Law 94-V art. 9 item 4: international treaties ratified by RK"),
    HC95_4_1_PATIENT_UNABLE("Health Code art. 95(4) sub-item 1: patient unable to express their will"),
    HC95_4_2_DANGEROUS_DISEASE("Health Code art. 95(4) sub-item 2: threat of diseases dangerous to others"),
    HC95_4_3_INVESTIGATION_OR_TRIAL("Health Code art. 95(4) sub-item 3: inquiry, investigation, prosecutor,"
            + " advocate or court"),
    HC95_4_4_INFORM_REPRESENTATIVE("Health Code art. 95(4) sub-item 4: informing the legal representative of a"
            + " minor or incapable patient"),
    HC95_4_5_UNLAWFUL_HARM("Health Code art. 95(4) sub-item 5: harm to health believed caused by unlawful acts");

    private final String citation;

    LegalGround(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }

    public boolean withoutConsent() {
        return this != CONSENT_REQUIRED;
    }

    /** The ground for the code, or null for an unknown code. */
    public static LegalGround ofCode(String code) {
        if (code == null) {
            return null;
        }
        for (LegalGround ground : values()) {
            if (ground.name().equals(code)) {
                return ground;
            }
        }
        return null;
    }
}
