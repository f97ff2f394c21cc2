package kz.health.sanepid.notification;

import java.util.List;

/**
 * Port to the channels that reach people: an applicant's phone (SMS) or e-mail, a staff user, or a whole staff
 * group (its members' inboxes). {@code messageKey} names one message: sending the same key again sends nothing,
 * so a retried job never notifies twice.
 */
public interface NotificationPort {

    enum Channel {
        SMS, EMAIL, USER, GROUP;

        /** An applicant's contact: SMS for a +7 phone, e-mail otherwise. */
        public static Channel forContact(String contact) {
            return contact != null && contact.startsWith("+7") ? SMS : EMAIL;
        }
    }

    /** Sends once per key to an applicant's contact: SMS for a +7 phone, e-mail otherwise; true when it sent. */
    default boolean notifyApplicant(String messageKey, String contact, String subject, String body) {
        return send(messageKey, Channel.forContact(contact), contact, subject, body);
    }

    /** Sends once per key to a staff user (by user id). */
    default boolean notifyUser(String messageKey, String userId, String subject, String body) {
        return send(messageKey, Channel.USER, userId, subject, body);
    }

    /** Sends once per key to every member of a staff group (by group id). */
    default boolean notifyGroup(String messageKey, String groupId, String subject, String body) {
        return send(messageKey, Channel.GROUP, groupId, subject, body);
    }

    /** What an adapter does: sends once per key on the channel; true when it sent, false for a key sent before. */
    boolean send(String messageKey, Channel channel, String recipient, String subject, String body);

    /** Refuses a notification without a recipient (every adapter, before it sends). */
    static void requireRecipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a notification needs a recipient");
        }
    }

    /** What was sent to a recipient, oldest first (the embedded outbox; a real adapter may answer empty). */
    List<Notification> sentTo(String recipient);

    record Notification(String messageKey, Channel channel, String recipient, String subject, String body) {
    }
}
