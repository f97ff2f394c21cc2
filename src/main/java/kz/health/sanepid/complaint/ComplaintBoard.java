package kz.health.sanepid.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The managers' complaint board (issue 17; 004 App.2 item 19, APPK art. 91(4)): open complaints by what is due
 * (overdue, today, within 2 working days, later) per route and per provider, missed 3-day forwardings, the time to a
 * decision in working days (median and 90th percentile), and the closed complaints, searched. Counted on the
 * complaint table with the working-day calendar ({@code workingDays}); the applicant appears only masked, by the
 * caller.
 */
@Service
public class ComplaintBoard {

    /** The board's "due soon" horizon (issue 17: "within 2 working days"), a view of the terms, not a term itself. */
    public static final int DUE_SOON_WORKING_DAYS = 2;

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar workingDays;

    public ComplaintBoard(JdbcTemplate jdbc, WorkingDayCalendar workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
    }

    /** Open complaints of one group by what is due at {@code now}; missed forwardings over all its complaints. */
    public record Due(String group, long open, long overdue, long dueToday, long dueWithinTwoWorkingDays, long later,
                      long forwardingDeadlineMissed) {
    }

    private static final String DUE = "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at >= ? AND due_at < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at >= ? AND due_at <= ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'OPEN' AND due_at > ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN forwarding_deadline_missed THEN 1 ELSE 0 END)";

    /**
     * By route ({@code HEAD_OF_PROVIDER}, {@code REVIEWING_BODY}) or by provider BIN, and the total last; of one
     * provider's complaints when {@code providerBin} is given.
     */
    public List<Due> due(Instant now, boolean byProvider, String providerBin) {
        LocalDate today = now.atZone(WorkingDayCalendar.ZONE).toLocalDate();
        Timestamp at = Timestamp.from(now);
        Timestamp tomorrow = Timestamp.from(today.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        // "within 2 working days": due after today and by the end of the 2nd working day after today
        Timestamp withinTwo = Timestamp.from(workingDays.deadline(today, DUE_SOON_WORKING_DAYS).toInstant());
        List<Object> args = new ArrayList<>(List.of(at, at, tomorrow, tomorrow, withinTwo, withinTwo));
        String where = "";
        if (providerBin != null) {
            where = " WHERE provider_bin = ?";
            args.add(providerBin);
        }
        String column = byProvider ? "provider_bin" : "route";
        List<Due> rows = new ArrayList<>(jdbc.query("SELECT " + column + ", " + DUE + " FROM complaint" + where
                + " GROUP BY " + column + " ORDER BY " + column, (rs, i) -> due(rs), args.toArray()));
        rows.addAll(jdbc.query("SELECT 'ALL', " + DUE + " FROM complaint" + where, (rs, i) -> due(rs),
                args.toArray()));
        return rows;
    }

    private static Due due(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Due(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7));
    }

    /** Working days from registration to decision of the closed complaints of a route (or all): nearest rank. */
    public record DecisionTime(String route, long decided, Integer median, Integer percentile90,
                               long decidedPastTerm) {
    }

    public List<DecisionTime> decisionTimes(String providerBin) {
        Map<String, List<Integer>> days = new LinkedHashMap<>();
        Map<String, Long> late = new LinkedHashMap<>();
        days.put("HEAD_OF_PROVIDER", new ArrayList<>());
        days.put("REVIEWING_BODY", new ArrayList<>());
        days.put("ALL", new ArrayList<>());
        List<Object> args = new ArrayList<>();
        String where = "";
        if (providerBin != null) {
            where = " AND provider_bin = ?";
            args.add(providerBin);
        }
        jdbc.query("SELECT route, registered_at, closed_at, due_at FROM complaint WHERE status = 'CLOSED'"
                + " AND closed_at IS NOT NULL" + where + " ORDER BY complaint_id", rs -> {
                    int n = workingDays(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
                    boolean pastTerm = rs.getTimestamp(3).after(rs.getTimestamp(4));
                    for (String key : List.of(rs.getString(1), "ALL")) {
                        days.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
                        late.merge(key, pastTerm ? 1L : 0L, Long::sum);
                    }
                }, args.toArray());
        List<DecisionTime> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : days.entrySet()) {
            List<Integer> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            rows.add(new DecisionTime(e.getKey(), sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90),
                    late.getOrDefault(e.getKey(), 0L)));
        }
        return rows;
    }

    /** The p-th percentile by nearest rank (the median of 1, 2, 3, 4 is 2); null for no values. */
    static Integer nearestRank(List<Integer> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    public int workingDays(Instant registeredAt, Instant closedAt) {
        return workingDays.workingDaysBetween(registeredAt.atZone(WorkingDayCalendar.ZONE).toLocalDate(),
                closedAt.atZone(WorkingDayCalendar.ZONE).toLocalDate());
    }

    /** A closed complaint as a manager sees it: no name, phone, e-mail or texts; the caller masks the applicant. */
    public record Closed(String complaintId, String applicantId, String providerBin, int serviceCode, String route,
                         String receivedBy, String appealedKind, String decision, String decidedBy,
                         Instant registeredAt, Instant dueAt, Instant closedAt, boolean forwardingDeadlineMissed) {
    }

    /** Filters of the closed complaints' search; null leaves one out. Closed within [closedFrom, closedTo). */
    public record Search(String complaintId, String providerBin, String route, String decision, Instant closedFrom,
                         Instant closedTo) {
    }

    public List<Closed> closed(Search search, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(search, args);
        return jdbc.query("SELECT complaint_id, applicant_id, provider_bin, service_code, route, received_by,"
                + " appealed_kind, decision, decided_by, registered_at, due_at, closed_at, forwarding_deadline_missed"
                + " FROM complaint" + where + " ORDER BY closed_at DESC, complaint_id OFFSET " + ((long) page * size)
                + " ROWS FETCH NEXT " + size + " ROWS ONLY", (rs, i) -> new Closed(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), rs.getBoolean(13)), args.toArray());
    }

    public long countClosed(Search search) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM complaint" + where(search, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Search s, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE status = 'CLOSED' AND closed_at IS NOT NULL");
        if (s.complaintId() != null) {
            where.append(" AND complaint_id = ?");
            args.add(s.complaintId());
        }
        if (s.providerBin() != null) {
            where.append(" AND provider_bin = ?");
            args.add(s.providerBin());
        }
        if (s.route() != null) {
            where.append(" AND route = ?");
            args.add(s.route());
        }
        if (s.decision() != null) {
            where.append(" AND decision = ?");
            args.add(s.decision());
        }
        if (s.closedFrom() != null) {
            where.append(" AND closed_at >= ?");
            args.add(Timestamp.from(s.closedFrom()));
        }
        if (s.closedTo() != null) {
            where.append(" AND closed_at < ?");
            args.add(Timestamp.from(s.closedTo()));
        }
        return where.toString();
    }
}
