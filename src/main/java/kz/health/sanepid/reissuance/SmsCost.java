package kz.health.sanepid.reissuance;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.health.sanepid.sms.SmsSegments;
import org.springframework.stereotype.Service;

/**
 * What the run's SMS cost in segments (GSM-7 / UCS-2): every text of the pilot with its encoding and segment count,
 * and every message sent for the run's recipients with its own length (recorded when sent: an offer SMS naming
 * several offers, or in one language, differs from the template's). The explanatory SMS answers replies, not a
 * run, and is counted by text only.
 */
@Service
public class SmsCost {

    private final PhoneOffers phoneOffers;

    public SmsCost(PhoneOffers phoneOffers) {
        this.phoneOffers = phoneOffers;
    }

    /** Each text by name: encoding, length in units (septets or UTF-16 units) and segments. */
    public static Map<String, Map<String, Object>> texts() {
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        OfferSms.texts().forEach((name, text) -> texts.put(name, describe(text)));
        return texts;
    }

    /**
     * The run's SMS as the gateway took them: messages, the offers they covered (one offer SMS may cover several
     * offers of one number) and segments, in all and by step (OFFER_1, OFFER_2, the notices), and by language.
     */
    public Map<String, Object> ofRun(String runId) {
        Map<String, Map<String, Long>> byStep = phoneOffers.sentByStep(runId);
        long messages = byStep.values().stream().mapToLong(m -> m.get("messages")).sum();
        long segments = byStep.values().stream().mapToLong(m -> m.get("segments")).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("segments", segments);
        body.put("byStep", byStep);
        body.put("byLanguage", phoneOffers.sentByLanguage(runId));
        body.put("texts", texts());
        return body;
    }

    private static Map<String, Object> describe(String text) {
        SmsSegments.Count c = SmsSegments.of(text);
        return Map.of("encoding", c.encoding().name().replace('_', '-'), "units", c.units(), "segments", c.segments());
    }
}
