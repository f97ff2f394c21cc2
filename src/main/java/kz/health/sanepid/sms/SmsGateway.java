package kz.health.sanepid.sms;

import java.time.Instant;
import java.util.List;

/**
 * Port to the SMS gateway of the eGov portal (ЭҮП). {@code messageKey} names one message (for example the
 * recipient's business key and the attempt): sending the same key again sends nothing, so a retried job never
 * sends a second SMS.
 */
public interface SmsGateway {

    /** Sends once per key; answers false when a message with this key was sent before. */
    boolean send(String messageKey, String toPhone, String body);

    /** What was sent to a number, newest last (the embedded outbox; an HTTP adapter may answer empty). */
    List<SentSms> sentTo(String phone);

    record SentSms(String messageKey, String toPhone, String body, Instant sentAt) {
    }
}
