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

    /** HTTP status to answer, the disposition recorded, and reasons for the sender. */
    record Result(int status, String disposition, String message, List<String> reasons) {
    }
}
