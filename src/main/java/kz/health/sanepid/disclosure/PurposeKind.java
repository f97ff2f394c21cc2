package kz.health.sanepid.disclosure;

/**
 * The purpose a request states, in the terms of Health Code art. 95(4); the free-text purpose is kept beside it
 * (Law 94-V art. 14). Anything else is {@link #OTHER} and needs the patient's consent (art. 95(3)).
 */
public enum PurposeKind {
    /** art. 95(4)(1): examination and treatment of a patient unable to express their will. */
    TREATMENT_PATIENT_UNABLE_TO_CONSENT,
    /** art. 95(4)(2): threat of spreading diseases dangerous to others, including blood donation. */
    DANGEROUS_DISEASE_THREAT,
    /** art. 95(4)(3): an inquiry, preliminary investigation or trial. */
    INVESTIGATION_OR_TRIAL,
    /** art. 95(4)(4): informing the legal representatives of a minor or an incapable patient receiving care. */
    INFORM_REPRESENTATIVE_OF_MINOR_OR_INCAPABLE,
    /** art. 95(4)(5): grounds to believe the harm to health was caused by unlawful acts. */
    HARM_BY_UNLAWFUL_ACTS,
    /** art. 95(3): scientific research - with consent only. */
    RESEARCH,
    OTHER
}
