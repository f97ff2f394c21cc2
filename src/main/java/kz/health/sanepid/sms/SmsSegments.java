package kz.health.sanepid.sms;

/**
 * How many parts (segments) an SMS body takes on the network (3GPP TS 23.038 / 23.040): GSM-7 when every character
 * is in the GSM 7-bit default alphabet or its extension table (those count two septets), otherwise UCS-2 (Kazakh and
 * Russian Cyrillic always are). One part holds 160 septets or 70 UCS-2 characters; a concatenated message 153 or 67
 * per part (the rest is the concatenation header).
 */
public record SmsSegments(Encoding encoding, int segments) {

    public enum Encoding { GSM7, UCS2 }

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    public static SmsSegments of(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new SmsSegments(Encoding.UCS2, parts(body.length(), 70, 67));
            }
        }
        return new SmsSegments(Encoding.GSM7, parts(septets, 160, 153));
    }

    private static int parts(int units, int single, int perPart) {
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
