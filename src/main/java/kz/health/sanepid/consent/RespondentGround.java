package kz.health.sanepid.consent;

/** Who answers for the subject and why (Law 94-V art. 7: the subject or the subject's legal representative). */
public enum RespondentGround {
    /** The subject, of age and capable. */
    SUBJECT,
    /** The legal representative of a minor (person registry: under 18 on the day of the request). */
    REPRESENTATIVE_OF_MINOR,
    /** The legal representative (guardian) of a person declared incapable by a court. */
    REPRESENTATIVE_OF_INCAPABLE,
    /** Nobody consented: processing on a legal ground confirmed by the data-protection officer (art. 9). */
    NONE_LEGAL_GROUND
}
