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
    boolean notifyApplicant(String messageKey, String contact, String subject, String body);

    /** Sends once per key to a staff user (by user id). */
    boolean notifyUser(String messageKey, String userId, String subject, String body);

    /** Sends once per key to every member of a staff group (by group id). */
    boolean notifyGroup(String messageKey, String groupId, String subject, String body);

    /** What was sent to a recipient, oldest first (the embedded outbox; a real adapter may answer empty). */
    List<Notification> sentTo(String recipient);

    record Notification(String messageKey, Channel channel, String recipient, String subject, String body) {
    }
}
