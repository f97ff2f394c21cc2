package kz.health.sanepid.disclosure;

/** Ids and variable names of the medical-secrecy disclosure process and its decision; tests use them too. */
public final class DisclosureProcess {

    public static final String PROCESS_ID = "medical-secrecy-disclosure";
    public static final String GROUND_DECISION = "medical-secrecy-ground";
    public static final String CONSENT_PROCESS_ID = "personal-data-consent";

    // elements
    public static final String TASK_REGISTER = "Task_RegisterRequest";
    public static final String TASK_DECIDE_GROUND = "Task_DecideGround";
    public static final String TASK_REVIEW_GROUND = "Task_ReviewGround";
    public static final String TASK_SECOND_APPROVAL = "Task_SecondApproval";
    public static final String CALL_REQUEST_CONSENT = "CallActivity_RequestConsent";
    public static final String TASK_RELEASE = "Task_ReleaseData";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String TASK_RECORD_REMINDER = "Task_RecordReviewReminder";
    public static final String TASK_RECORD_ESCALATION = "Task_RecordReviewEscalation";
    public static final String EVENT_REVIEW_REMINDER = "Event_ReviewReminder";
    public static final String EVENT_REVIEW_OVERDUE = "Event_ReviewOverdue";
    public static final String EVENT_RELEASED = "Event_Released";
    public static final String EVENT_REFUSED = "Event_Refused";

    // request (start form / POST /api/disclosures)
    public static final String DISCLOSURE_ID = "disclosureId";
    public static final String REQUESTER_KIND = "requesterKind";
    public static final String REQUESTER_NAME = "requesterName";
    public static final String REQUESTER_ID_NUMBER = "requesterIdNumber";
    public static final String REQUESTER_CAPACITY = "requesterCapacity";
    public static final String PATIENT_IIN = "patientIin";
    public static final String REQUESTED_CATEGORIES = "requestedCategories";
    public static final String PURPOSE_KIND = "purposeKind";
    public static final String PURPOSE = "purpose";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String DOCUMENT_REF = "documentRef";
    /** Start-form check boxes, one per category of art. 95(1), joined into {@link #REQUESTED_CATEGORIES}. */
    public static final String[][] CATEGORY_CHECKBOXES = {
            {"categoryFactOfCare", "FACT_OF_CARE"}, {"categoryHealthStatus", "HEALTH_STATUS"},
            {"categoryDiagnosis", "DIAGNOSIS"}, {"categoryExaminationTreatment", "EXAMINATION_TREATMENT"}};

    // set on registration
    public static final String RECEIVED_AT = "receivedAt";
    public static final String REVIEW_WORKING_DAYS = "reviewWorkingDays";
    public static final String CONSENT_OPERATOR_BIN = "consentOperatorBin";
    public static final String CONSENT_CHANNEL = "consentChannel";

    // decision
    public static final String PROPOSED_GROUND = "proposedGround";
    public static final String GROUND_CLAUSE = "groundClause";
    public static final String ALLOWED_CATEGORIES = "allowedCategories";
    public static final String SECOND_APPROVAL_REQUIRED = "secondApprovalRequired";
    public static final String RELEASABLE_CATEGORIES = "releasableCategories";
    public static final String WITHHELD_CATEGORIES = "withheldCategories";
    public static final String GROUND_NONE = "NONE";

    // officers
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVED_BY = "approvedBy";
    public static final String GROUND_CONFIRMED = "groundConfirmed";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";
    public static final String APPROVED = "APPROVED";

    // consent (contract of personal-data-consent)
    public static final String CONSENT_OUTCOME = "consentOutcome";
    public static final String CONSENT_RECORD_ID = "consentRecordId";

    // outcome
    public static final String DISCLOSURE_OUTCOME = "disclosureOutcome";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String RELEASED_CATEGORIES = "releasedCategories";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String REVIEW_REMINDED = "reviewReminded";
    public static final String REVIEW_ESCALATED = "reviewEscalated";

    private DisclosureProcess() {
    }
}
