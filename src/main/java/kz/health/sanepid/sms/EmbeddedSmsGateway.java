package kz.health.sanepid.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SMS gateway as an outbox table: what a real gateway would deliver, for the demo and tests. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.sms-gateway", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedSmsGateway implements SmsGateway {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmbeddedSmsGateway(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean send(String messageKey, String toPhone, String body) {
        return InsertOnce.insert(jdbc, "sms_outbox", "message_key", Map.of("message_key", messageKey,
                "to_phone", toPhone, "body", body, "sent_at", Timestamp.from(clock.instant())));
    }

    @Override
    public List<SentSms> sentTo(String phone) {
        return jdbc.query("SELECT message_key, to_phone, body, sent_at FROM sms_outbox WHERE to_phone = ? ORDER BY id",
                (rs, i) -> new SentSms(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                phone);
    }
}
