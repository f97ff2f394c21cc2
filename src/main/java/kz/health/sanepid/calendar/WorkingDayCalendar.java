package kz.health.sanepid.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Working days of the Republic of Kazakhstan, for deadlines in working days (004 App.2 item 19; APPK art. 91(4)).
 *
 * <p>Monday to Friday minus days off. A count starts from the day after the start; a start on a day off is
 * taken as made on the next working day (as a complaint filed on a weekend is registered on the next working
 * day), so its count starts the day after that. The deadline is the end of the N-th working day, Asia/Almaty.
 *
 * <p>Bean name {@code workingDays}, for BPMN: {@code camunda:dueDate="${workingDays.deadline(registeredAt, complaintTerms.headDecisionWorkingDays())}"}.
 */
@Component("workingDays")
public class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    /** When a working day's reminders go out. */
    public static final LocalTime WORKDAY_START = LocalTime.of(9, 0);
    private static final long CACHE_MILLIS = 60_000;

    private final CalendarData data;
    private final Clock clock;
    private final Map<Integer, CachedYear> years = new ConcurrentHashMap<>();

    private record CachedYear(NavigableSet<LocalDate> daysOff, Set<LocalDate> workedWeekendDays, long loadedAt) {
    }

    public WorkingDayCalendar(CalendarData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** End (23:59:59.999, Asia/Almaty) of the N-th working day after the start. */
    public Date deadline(Object start, int workingDays) {
        LocalDate day = deadlineDay(toLocalDate(start), workingDays);
        return Date.from(day.plusDays(1).atStartOfDay(ZONE).minusNanos(1_000_000).toInstant());
    }

    /** ISO-8601 form of {@link #deadline}, for timer definitions ({@code timeDate}). */
    public String deadlineIso(Object start, int workingDays) {
        return OffsetDateTime.ofInstant(deadline(start, workingDays).toInstant(), ZONE).toString();
    }

    /** Start of working hours (09:00 Asia/Almaty) on the N-th working day after the start: a reminder time. */
    public Date workingDayStart(Object start, int workingDays) {
        LocalDate day = deadlineDay(toLocalDate(start), workingDays);
        return Date.from(day.atTime(WORKDAY_START).atZone(ZONE).toInstant());
    }

    /** Deadline counted from now (the application clock). */
    public Date deadlineFromNow(int workingDays) {
        return deadline(Date.from(clock.instant()), workingDays);
    }

    public LocalDate deadlineDay(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate day = start;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * How many working days a term took from its start to its end day, counted as {@link #deadlineDay} counts: from
     * the day after the start (a start on a day off taken as made on the next working day); 0 when it ended on the
     * start's working day or before. {@code deadlineDay(start, n)} is the first day with {@code n} working days.
     */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        LocalDate day = start;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        int counted = 0;
        while (day.isBefore(end)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    public boolean isWorkingDay(LocalDate day) {
        CachedYear year = year(day.getYear());
        if (year.workedWeekendDays().contains(day)) {
            return true;
        }
        return !StatutoryHolidays.isWeekend(day) && !year.daysOff().contains(day);
    }

    /** Every weekday off in the year (holidays, carry-overs, movable holidays and transferred days off). */
    public List<LocalDate> daysOff(int year) {
        return List.copyOf(year(year).daysOff());
    }

    /** Forget cached years, after calendar data changed. */
    public void refresh() {
        years.clear();
    }

    private CachedYear year(int year) {
        CachedYear cached = years.get(year);
        long now = System.currentTimeMillis();
        if (cached == null || now - cached.loadedAt() > CACHE_MILLIS) {
            cached = load(year, now);
            years.put(year, cached);
        }
        return cached;
    }

    private CachedYear load(int year, long now) {
        Set<LocalDate> dataDaysOff = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        for (CalendarEntry entry : data.entriesOf(year)) {
            if (entry.kind() == CalendarEntry.Kind.WORKING_DAY) {
                worked.add(entry.day());
            } else {
                dataDaysOff.add(entry.day());
            }
        }
        NavigableSet<LocalDate> off = new TreeSet<>(StatutoryHolidays.daysOff(year, dataDaysOff));
        dataDaysOff.stream().filter(d -> !StatutoryHolidays.isWeekend(d)).forEach(off::add);
        off.removeAll(worked);
        return new CachedYear(off, worked, now);
    }

    static LocalDate toLocalDate(Object start) {
        if (start instanceof LocalDate d) {
            return d;
        }
        if (start instanceof Date d) {
            return d.toInstant().atZone(ZONE).toLocalDate();
        }
        if (start instanceof Instant i) {
            return i.atZone(ZONE).toLocalDate();
        }
        if (start instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZONE).toLocalDate();
        }
        if (start instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZONE).toLocalDate();
        }
        if (start instanceof LocalDateTime l) {
            return l.toLocalDate();
        }
        if (start instanceof String s) {
            return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(ZONE).toLocalDate();
        }
        throw new IllegalArgumentException("not a date: " + (start == null ? "null" : start.getClass().getSimpleName()));
    }
}
