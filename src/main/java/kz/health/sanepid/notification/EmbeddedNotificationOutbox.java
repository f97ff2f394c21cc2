package kz.health.sanepid.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notifications as an outbox table ({@code notification_outbox}): what a mail/SMS relay would deliver. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.notification", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedNotificationOutbox implements NotificationPort {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmbeddedNotificationOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Notification> sentTo(String recipient) {
        return jdbc.query("SELECT message_key, channel, recipient, subject, body FROM notification_outbox"
                        + " WHERE recipient = ? ORDER BY id",
                (rs, i) -> new Notification(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)), recipient);
    }

    @Override
    public boolean send(String messageKey, Channel channel, String recipient, String subject, String body) {
        NotificationPort.requireRecipient(recipient);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("message_key", messageKey);
        row.put("channel", channel.name());
        row.put("recipient", recipient);
        row.put("subject", subject);
        row.put("body", body);
        row.put("created_at", Timestamp.from(clock.instant()));
        return InsertOnce.insert(jdbc, "notification_outbox", "message_key", row);
    }
}
