package kz.health.sanepid.reissuance;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.health.sanepid.sms.SmsSegments;
import org.springframework.stereotype.Service;

/**
 * What the run's SMS cost in segments (GSM-7 / UCS-2): every text of the pilot with its encoding and segment count,
 * and the messages sent for the run's recipients with their segments. The explanatory and offer-ended SMS answer
 * replies, not a run, and are counted by text only.
 */
@Service
public class SmsCost {

    private final SduLedger ledger;

    public SmsCost(SduLedger ledger) {
        this.ledger = ledger;
    }

    /** Each text by name: encoding, length in units (septets or UTF-16 units) and segments. */
    public static Map<String, Map<String, Object>> texts() {
        Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        OfferSms.texts().forEach((name, text) -> texts.put(name, describe(text)));
        return texts;
    }

    public Map<String, Object> ofRun(String runId) {
        long messages = 0;
        long segments = 0;
        Map<String, Object> byStep = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : ledger.smsSentByStep(runId, RecipientSteps.SMS_GATEWAY).entrySet()) {
            int each = SmsSegments.of(textOf(e.getKey())).segments();
            byStep.put(e.getKey(), Map.of("messages", e.getValue(), "segments", e.getValue() * each));
            messages += e.getValue();
            segments += e.getValue() * each;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("segments", segments);
        body.put("byStep", byStep);
        body.put("texts", texts());
        return body;
    }

    /** The text a step of RecipientSteps sent: the offer (items 11, 13) or a next-step notice, both languages. */
    static String textOf(String step) {
        for (OfferSms.Notice n : OfferSms.Notice.values()) {
            if (step.endsWith(n.name())) {
                return n.text(OfferSms.SmsLanguage.BOTH);
            }
        }
        return OfferSms.offer(OfferSms.SmsLanguage.BOTH);
    }

    private static Map<String, Object> describe(String text) {
        SmsSegments.Count c = SmsSegments.of(text);
        return Map.of("encoding", c.encoding().name().replace('_', '-'), "units", c.units(), "segments", c.segments());
    }
}
