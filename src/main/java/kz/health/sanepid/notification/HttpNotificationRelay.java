package kz.health.sanepid.notification;

import java.util.List;
import java.util.Map;

import kz.health.sanepid.http.AdapterProperties;
import kz.health.sanepid.http.JsonHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The notification relay over HTTP (the ministry's mail and SMS relay, and staff inboxes):
 * {@code POST {base}/notifications {"messageKey","channel","recipient","subject","body"}} answers
 * {@code {"accepted": true}} for a new key and {@code {"accepted": false}} for a key it has delivered before, so a
 * retried job never notifies twice. The relay keeps no outbox we can read, so {@link #sentTo} answers empty.
 */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.notification", havingValue = "http")
public class HttpNotificationRelay implements NotificationPort {

    static final String SYSTEM = "notification relay";
    private final JsonHttpClient http;
    private final String baseUrl;

    @Autowired
    public HttpNotificationRelay(JsonHttpClient http, AdapterProperties properties) {
        this(http, AdapterProperties.baseUrl(properties.notification(), "notification"));
    }

    public HttpNotificationRelay(JsonHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<Notification> sentTo(String recipient) {
        return List.of();
    }

    @Override
    public boolean send(String messageKey, Channel channel, String recipient, String subject, String body) {
        NotificationPort.requireRecipient(recipient);
        return http.post(SYSTEM, baseUrl + "/notifications", Map.of("messageKey", messageKey, "channel",
                        channel.name(), "recipient", recipient, "subject", subject, "body", body), Map.class)
                .map(answer -> Boolean.TRUE.equals(answer.get("accepted"))).orElse(false);
    }
}
