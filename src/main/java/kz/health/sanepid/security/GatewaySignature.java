package kz.health.sanepid.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an outside gateway signs a request to us: {@code X-Gateway-Signature} is the hex HMAC-SHA256, under the shared
 * secret, of {@code <X-Gateway-Timestamp>\n<X-Gateway-Message-Id>\n<body>}; the timestamp is the Unix time in seconds.
 */
public final class GatewaySignature {

    public static final String SECRET_HEADER = "X-Gateway-Secret";
    public static final String SIGNATURE_HEADER = "X-Gateway-Signature";
    public static final String TIMESTAMP_HEADER = "X-Gateway-Timestamp";
    public static final String MESSAGE_ID_HEADER = "X-Gateway-Message-Id";

    private GatewaySignature() {
    }

    /** The signature of one request (what the gateway sends and the filter recomputes). */
    public static String sign(String secret, String timestamp, String messageId, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
