package kz.health.sanepid.complaint;

/** Ids of the complaint process, its elements and variables, so code and tests do not repeat literals. */
public final class ComplaintProcess {

    public static final String KEY = "public-service-complaint";

    public static final String TASK_REVIEW_BY_PROVIDER = "Task_ReviewByProvider";
    public static final String TASK_FIRST_REVIEW = "Task_FirstReview";
    public static final String TASK_REVIEWING_BODY_DECISION = "Task_ReviewingBodyDecision";
    public static final String TASK_NOTIFY_REGISTRATION = "Task_NotifyRegistration";
    public static final String EVENT_FORWARDING_OVERDUE = "Event_ForwardingOverdue";

    /** Variables. */
    public static final String COMPLAINT_ID = "complaintId";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String ADDRESSEE = "addressee";
    /** PROVIDER or REVIEWING_BODY: who received and registered the complaint (004 App.2 item 19). */
    public static final String RECEIVED_BY = "receivedBy";
    /** The day the decision is due, as told to the applicant at registration (ISO date). */
    public static final String DECISION_DEADLINE = "decisionDeadline";
    public static final String PROVIDER_ACTION = "providerAction";
    public static final String CASE_DOCUMENTS = "caseDocuments";
    public static final String DECISION = "decision";
    public static final String DECISION_REASONS = "decisionReasons";
    public static final String FORWARDING_DEADLINE_MISSED = "forwardingDeadlineMissed";
    public static final String REVIEWING_BODY_COUNT_START = "reviewingBodyCountStart";
    public static final String PROVIDER_DEADLINE = "providerDeadline";
    public static final String REVIEWING_BODY_DEADLINE = "reviewingBodyDeadline";

    /** The provider's answer on the reviewing-body route within 3 working days (APPK art. 91(4)). */
    public static final String ACTION_FULLY_SATISFIED = "FULLY_SATISFIED";
    public static final String ACTION_FORWARD = "FORWARD";

    private ComplaintProcess() {
    }
}
