package kz.health.sanepid.sms;

import java.util.List;
import java.util.Map;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The eGov portal's SMS gateway over HTTP: {@code POST {base}/messages {"messageKey","to","body"}} answers
 * {@code {"accepted": true}} for a new key and {@code {"accepted": false}} for a key it has sent before.
 * It keeps no outbox we can read, so {@link #sentTo} answers empty.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.sms-gateway", havingValue = "http")
public class HttpSmsGateway implements SmsGateway {

    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpSmsGateway(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.smsGateway(), "sms-gateway"));
    }

    public HttpSmsGateway(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean send(String messageKey, String toPhone, String body) {
        return http.post("SMS gateway", baseUrl + "/messages", Map.of("messageKey", messageKey, "to", toPhone,
                "body", body), Map.class).map(answer -> Boolean.TRUE.equals(answer.get("accepted"))).orElse(false);
    }

    @Override
    public List<SentSms> sentTo(String phone) {
        return List.of();
    }
}
