package kz.health.sanepid.reissuance;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a recipient of a run stands in the ledger; the last eleven are outcomes (the instance has ended). */
public enum RecipientOutcome {
    /** Collected by the run (items 3-5), no instance yet. */
    CANDIDATE,
    /** Its sdu-reissuance-recipient instance is started; item 6 checks run. */
    STARTED,
    /** Passed item 6, handed to the portal (item 7). */
    HANDED_TO_PORTAL,
    /** МАБ has a number (item 9); the SMS is being sent. */
    PHONE_FOUND,
    /** SMS sent (item 11), waiting for 1 or 2. */
    AWAITING_REPLY,
    /** No reply in 3 days, SMS sent again (item 13), waiting. */
    RESENT,
    /** A reply was taken; consent and re-issue follow (items 12, 18). */
    REPLY_RECEIVED,
    EXCLUDED_MISSING_OR_DEAD,
    EXCLUDED_ABROAD,
    EXCLUDED_INCAPABLE,
    EXCLUDED_IMPRISONED,
    NO_PHONE,
    REISSUED,
    REFUSED,
    NO_REPLY,
    CONSENT_REFUSED,
    CONSENT_REVOKED,
    /** Joint order item 8: the pilot ended before the resend, the consent or the re-issue; no SMS went out. */
    PILOT_ENDED,
    FAILED;

    /** States in which a reply from the recipient's number is expected or about to be. */
    public static final Set<RecipientOutcome> EXPECTING_REPLY = EnumSet.of(PHONE_FOUND, AWAITING_REPLY, RESENT);
    /** States whose instance waits at a receive task for SmsReply. */
    public static final Set<RecipientOutcome> WAITING_AT_RECEIVE = EnumSet.of(AWAITING_REPLY, RESENT);

    public boolean isFinal() {
        return ordinal() >= EXCLUDED_MISSING_OR_DEAD.ordinal();
    }

    /** The states as the list of an SQL {@code outcome IN (...)}: {@code 'AWAITING_REPLY', 'RESENT'}. */
    public static String sqlList(Set<RecipientOutcome> states) {
        return states.stream().map(o -> "'" + o.name() + "'").collect(Collectors.joining(", "));
    }
}
