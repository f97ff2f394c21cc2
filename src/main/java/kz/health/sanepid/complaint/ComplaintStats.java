package kz.health.sanepid.complaint;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts for managers over the complaint table: open, due today, overdue (open past the term now running),
 * closed within and past their term, and forwarding deadlines missed (APPK art. 91(4)); per provider and route.
 */
@Service
public class ComplaintStats {

    public record Counts(String group, long open, long dueToday, long overdue, long closedWithinTerm,
            long closedPastTerm, long forwardingDeadlineMissed) {
    }

    public record Stats(String asOf, Counts total, List<Counts> perProvider, List<Counts> perRoute) {
    }

    private static final String COUNTS = "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at >= ? AND due_at < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'CLOSED' AND closed_at <= due_at THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'CLOSED' AND closed_at > due_at THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN forwarding_deadline_missed THEN 1 ELSE 0 END)";

    private final JdbcTemplate jdbc;

    public ComplaintStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Stats at(Date now) {
        LocalDate today = now.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        Timestamp dayStart = Timestamp.from(today.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        Timestamp dayEnd = Timestamp.from(today.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        Timestamp at = new Timestamp(now.getTime());
        Object[] args = {dayStart, dayEnd, at};
        List<Counts> total = query("SELECT 'ALL', " + COUNTS + " FROM complaint", args);
        List<Counts> perProvider = query("SELECT provider_bin, " + COUNTS
                + " FROM complaint GROUP BY provider_bin ORDER BY provider_bin", args);
        List<Counts> perRoute = query("SELECT route, " + COUNTS + " FROM complaint GROUP BY route ORDER BY route", args);
        return new Stats(now.toInstant().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString(), total.get(0),
                perProvider, perRoute);
    }

    private List<Counts> query(String sql, Object[] args) {
        return jdbc.query(sql, (rs, i) -> new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7)), args);
    }
}
