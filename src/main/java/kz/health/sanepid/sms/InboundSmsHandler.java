package kz.health.sanepid.sms;

import java.time.Instant;
import java.util.List;

/**
 * What the application does with an SMS that came in through the gateway (a reply to an offer). The endpoint
 * validates the request and normalises the number; the handler decides, records and answers.
 */
public interface InboundSmsHandler {

    /** {@code phone} is normalised (+7 and 10 digits); {@code text} at most 160 characters. */
    Result handle(String phone, String text, Instant receivedAt);

    /** What became of the SMS, for the gateway: the endpoint answers it with a status ({@code SmsController}). */
    enum Outcome {
        /** The reply was taken (correlated). */
        TAKEN,
        /** The reply is kept until its offer waits for it. */
        KEPT,
        /** The reply was taken before; nothing changed. */
        ALREADY_TAKEN,
        /** The text is not a reply the offer understands; the offer keeps waiting. */
        NOT_UNDERSTOOD,
        /** No offer was sent to the number, or none waits for a reply. */
        NOT_EXPECTED
    }

    /** The outcome, the disposition recorded, a message and reasons for the sender. */
    record Result(Outcome outcome, String disposition, String message, List<String> reasons) {
    }
}
