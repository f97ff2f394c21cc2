package kz.health.sanepid.disclosure;

/** Who asks for medical secrecy (Health Code art. 95(3)-(4)): the decision's first input. */
public enum RequesterKind {
    INVESTIGATION_BODY, PROSECUTOR, ADVOCATE, COURT, MEDICAL_ORGANISATION, LEGAL_REPRESENTATIVE, RESEARCHER, OTHER
}
