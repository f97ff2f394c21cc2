package kz.health.sanepid.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A request as an outside gateway sends it: signed now (the engine's clock), with a new message id. */
public final class SignedGatewayRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedGatewayRequest() {
    }

    /** The signature headers for this body, timestamped now and with a new message id. */
    public static Map<String, String> headers(String secret, String body) {
        return headers(secret, body, ClockUtil.now().toInstant().getEpochSecond(), UUID.randomUUID().toString());
    }

    public static Map<String, String> headers(String secret, String body, long epochSecond, String messageId) {
        String timestamp = Long.toString(epochSecond);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(GatewaySignature.TIMESTAMP_HEADER, timestamp);
        headers.put(GatewaySignature.MESSAGE_ID_HEADER, messageId);
        headers.put(GatewaySignature.SIGNATURE_HEADER,
                GatewaySignature.sign(secret, timestamp, messageId, body.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** A JSON body (a map or a JSON string) signed with the secret, for TestRestTemplate. */
    public static HttpEntity<String> entity(String secret, Object body) {
        String json = body instanceof String s ? s : write(body);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers(secret, json).forEach(headers::set);
        return new HttpEntity<>(json, headers);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
