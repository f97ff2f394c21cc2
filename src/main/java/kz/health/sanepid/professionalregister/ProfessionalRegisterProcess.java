package kz.health.sanepid.professionalregister;

/**
 * Ids of {@code processes/professional-register-update.bpmn} (order No. 66, seed 003, items 8-9): one instance per
 * re-issued specialist certificate, business key = the certificate's id (no personal data in it).
 */
public final class ProfessionalRegisterProcess {

    public static final String KEY = "professional-register-update";
    /** The start message, correlated only by the application ({@link RegisterHandOff}), never by a person. */
    public static final String START_MESSAGE = "SpecialistCertificateReissued";
    public static final String TASK_UPDATE_REGISTER = "Task_UpdateRegister";
    public static final String END_UPDATED = "End_RegisterUpdated";
    public static final String END_NO_EMPLOYER = "End_NoEmployer";

    public static final String CERTIFICATE_ID = "certificateId";
    public static final String REPLACES_PERMIT_ID = "replacesPermitId";
    public static final String PERSON_IIN = "personIin";
    public static final String NEW_FULL_NAME = "newFullName";
    public static final String EMPLOYER_BIN = "employerBin";
    public static final String EMPLOYER_KNOWN = "employerKnown";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String UPDATE_WORKING_DAYS = "updateWorkingDays";

    /** The form's fields (forms/professional-register-update.form). */
    public static final String ENTRY_NUMBER = "registerEntryNumber";
    public static final String ENTRY_DATE = "registerEntryDate";
    public static final String NOTE = "registerUpdateNote";

    private ProfessionalRegisterProcess() {
    }
}
