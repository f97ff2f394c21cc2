package kz.health.sanepid.reissuance;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Every SMS that reached the inbound endpoint and what became of it; pending replies wait here. */
@Component
public class SmsInboundLog {

    public enum Disposition { CORRELATED, PENDING, INVALID_TEXT, UNKNOWN_NUMBER, NOT_WAITING, DUPLICATE, DISCARDED }

    public record Pending(long id, String businessKey, String replyDigit) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SmsInboundLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long record(String phone, String text, Instant receivedAt, Disposition disposition, String businessKey,
                       String replyDigit) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO sdu_sms_inbound (from_phone, reply_text, received_at,"
                    + " recorded_at, disposition, business_key, reply_digit, correlated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, phone);
            ps.setString(2, text);
            ps.setTimestamp(3, Timestamp.from(receivedAt));
            ps.setTimestamp(4, now);
            ps.setString(5, disposition.name());
            ps.setString(6, businessKey);
            ps.setString(7, replyDigit);
            ps.setTimestamp(8, disposition == Disposition.CORRELATED ? now : null);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Whether a reply to this offer was already taken (correlated, or kept pending). */
    public boolean replyTaken(String businessKey) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound WHERE business_key = ?"
                + " AND disposition IN ('CORRELATED', 'PENDING')", Integer.class, businessKey);
        return n != null && n > 0;
    }

    public List<Pending> pending(int limit) {
        return jdbc.query("SELECT id, business_key, reply_digit FROM sdu_sms_inbound"
                        + " WHERE disposition = 'PENDING' ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    public void settle(long id, Disposition disposition) {
        jdbc.update("UPDATE sdu_sms_inbound SET disposition = ?, correlated_at = ? WHERE id = ? AND disposition = 'PENDING'",
                disposition.name(), disposition == Disposition.CORRELATED ? Timestamp.from(clock.instant()) : null, id);
    }

    public List<Disposition> dispositionsFrom(String phone) {
        return jdbc.queryForList("SELECT disposition FROM sdu_sms_inbound WHERE from_phone = ? ORDER BY id",
                String.class, phone).stream().map(Disposition::valueOf).toList();
    }
}
