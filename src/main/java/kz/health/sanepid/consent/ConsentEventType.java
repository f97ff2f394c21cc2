package kz.health.sanepid.consent;

/**
 * What happened to a consent. State events set its current status; {@link #LEGAL_GROUND_REJECTED} and
 * {@link #REVOCATION_REFUSED} are recorded for the history and leave the status as it was.
 */
public enum ConsentEventType {
    REQUESTED(true), GRANTED(true), REFUSED(true), EXPIRED(true), WITHOUT_CONSENT(true),
    LEGAL_GROUND_REJECTED(false), REVOKED(true), REVOCATION_REFUSED(false);

    private final boolean changesStatus;

    ConsentEventType(boolean changesStatus) {
        this.changesStatus = changesStatus;
    }

    public boolean changesStatus() {
        return changesStatus;
    }
}
