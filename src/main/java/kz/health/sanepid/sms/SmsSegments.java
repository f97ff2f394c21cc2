package kz.health.sanepid.sms;

/**
 * How many SMS segments a text takes (3GPP TS 23.038 / 23.040): GSM-7 when every character is in the default
 * alphabet or its extension table (an extension character counts twice), 160 septets in one segment or 153 per
 * segment when concatenated; otherwise UCS-2, 70 UTF-16 units in one segment or 67 per segment. Kazakh and
 * Russian Cyrillic are never GSM-7, so every text of the pilot is UCS-2.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public enum Encoding { GSM_7, UCS_2 }

    public record Count(Encoding encoding, int units, int segments) {
    }

    private SmsSegments() {
    }

    public static Count of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Count(Encoding.GSM_7, septets, septets <= 160 ? 1 : (septets + 152) / 153);
        }
        int units = text.length();
        return new Count(Encoding.UCS_2, units, units <= 70 ? 1 : (units + 66) / 67);
    }
}
