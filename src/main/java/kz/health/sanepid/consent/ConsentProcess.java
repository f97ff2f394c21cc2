package kz.health.sanepid.consent;

/** Ids and variable names of the consent processes and decisions, so code and tests never repeat literals. */
public final class ConsentProcess {

    public static final String PROCESS_ID = "personal-data-consent";
    public static final String REVOCATION_PROCESS_ID = "personal-data-consent-revocation";
    public static final String LEGAL_BASIS_DECISION = "consent-legal-basis";
    public static final String REVOCATION_CHECK_DECISION = "consent-revocation-check";

    public static final String MESSAGE_ANSWERED = "ConsentAnswered";
    public static final String MESSAGE_REVOKED = "ConsentRevoked";

    // contract with callers (the SDU recipient process calls personal-data-consent as a call activity)
    public static final String SUBJECT_IIN = "subjectIin";
    public static final String OPERATOR_BIN = "operatorBin";
    public static final String PURPOSE = "purpose";
    public static final String DATA_CATEGORIES = "dataCategories";
    public static final String REQUESTER_KIND = "requesterKind";
    public static final String CHANNEL = "channel";
    public static final String VALID_UNTIL = "validUntil";
    public static final String LEGAL_GROUND_CLAIM = "legalGround";
    public static final String CONSENT_OUTCOME = "consentOutcome";
    public static final String CONSENT_RECORD_ID = "consentRecordId";
    /**
     * The consent a process relies on: the {@link #CONSENT_RECORD_ID} that the call of this process returns (or that
     * the relying process sets). The revocation correlates {@link #MESSAGE_REVOKED} by it, so revoking one consent
     * stops only the processes that rely on that one (Law 94-V art. 8, 14).
     */
    public static final String RELYING_CONSENT_ID = CONSENT_RECORD_ID;
    /** The subject of a relying process (kept for erasure and Cockpit searches; no longer the correlation key). */
    public static final String RELYING_SUBJECT_IIN = "consentSubjectIin";

    // internal variables
    public static final String MEDICAL_SECRECY = "medicalSecrecy";
    public static final String COVERING_CONSENT_ID = "coveringConsentId";
    public static final String LEGAL_BASIS_GROUND = "legalBasisGround";
    public static final String OFFICER_DECISION = "officerDecision";
    public static final String CONFIRMED_GROUND = "confirmedGround";
    public static final String OFFICER_COMMENT = "officerComment";
    public static final String DECIDING_OFFICER = "decidingOfficer";
    public static final String RESPONDENT_IIN = "respondentIin";
    public static final String RESPONDENT_GROUND = "respondentGround";
    public static final String CONSENT_REQUEST_ID = "consentRequestId";
    public static final String CONSENT_ANSWER = "consentAnswer";
    public static final String CONSENT_ANSWERED_AT = "consentAnsweredAt";

    // revocation
    public static final String REVOCATION_CHANNEL = "revocationChannel";
    public static final String REVOCATION_REASON = "revocationReason";
    public static final String REVOCATION_INITIATOR = "revocationInitiator";
    public static final String OPEN_OBLIGATIONS = "openObligations";
    public static final String STATUTORY_REQUIREMENTS = "statutoryRequirements";
    public static final String REVOCATION_BARS = "revocationBars";
    public static final String REVOCATION_BAR = "revocationBar";
    public static final String REVIEW_DECISION = "revocationReviewDecision";
    public static final String REVIEW_COMMENT = "revocationReviewComment";
    public static final String REVIEWING_OFFICER = "reviewingOfficer";
    public static final String REVOCATION_OUTCOME = "revocationOutcome";

    public static final String OUTCOME_GRANTED = "GRANTED";
    public static final String OUTCOME_REFUSED = "REFUSED";
    public static final String OUTCOME_EXPIRED = "EXPIRED";
    public static final String OUTCOME_WITHOUT_CONSENT = "WITHOUT_CONSENT";

    private ConsentProcess() {
    }
}
