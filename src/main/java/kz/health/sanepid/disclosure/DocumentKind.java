package kz.health.sanepid.disclosure;

/** The supporting document a request comes with; the legal officer checks the ground against it. */
public enum DocumentKind {
    INVESTIGATOR_REQUEST, PROSECUTOR_REQUEST, ADVOCATE_REQUEST, COURT_REQUEST, MEDICAL_REFERRAL,
    EPIDEMIOLOGICAL_NOTICE, REPRESENTATION_DOCUMENT, RESEARCH_PROTOCOL, OTHER_DOCUMENT, NONE
}
