package kz.health.sanepid.synthetic;

/** What the SDU algorithm should do with a generated recipient. */
public enum ExpectedOutcome {
    EXCLUDED_MISSING_OR_DEAD,
    EXCLUDED_ABROAD,
    EXCLUDED_INCAPABLE,
    EXCLUDED_IMPRISONED,
    NO_PHONE,
    SMS_SENT
}
