package kz.health.sanepid.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed-date public holidays of the Republic of Kazakhstan (Labour Code art. 84, Law "On holidays" art. 5)
 * and their carry-over: a holiday on Saturday or Sunday moves the day off to the next working day, except
 * Orthodox Christmas (Jan 7). Movable days (Kurban Ait) and the Government's transfers are data, not code:
 * see {@link CalendarData}.
 */
final class StatutoryHolidays {

    /** A fixed-date holiday in force from {@code fromYear} to {@code toYear} inclusive. */
    record Holiday(MonthDay day, String name, boolean carriesOver, int fromYear, int toYear) {
        boolean inForce(int year) {
            return year >= fromYear && year <= toYear;
        }
    }

    static final List<Holiday> HOLIDAYS = List.of(
            new Holiday(MonthDay.of(1, 1), "New Year", true, 1900, 9999),
            new Holiday(MonthDay.of(1, 2), "New Year", true, 1900, 9999),
            new Holiday(MonthDay.of(1, 7), "Orthodox Christmas", false, 1900, 9999),
            new Holiday(MonthDay.of(3, 8), "International Women's Day", true, 1900, 9999),
            new Holiday(MonthDay.of(3, 15), "Constitution Day", true, 2027, 9999),
            new Holiday(MonthDay.of(3, 21), "Nauryz", true, 1900, 9999),
            new Holiday(MonthDay.of(3, 22), "Nauryz", true, 1900, 9999),
            new Holiday(MonthDay.of(3, 23), "Nauryz", true, 1900, 9999),
            new Holiday(MonthDay.of(5, 1), "Unity Day", true, 1900, 9999),
            new Holiday(MonthDay.of(5, 7), "Defender of the Fatherland Day", true, 1900, 9999),
            new Holiday(MonthDay.of(5, 9), "Victory Day", true, 1900, 9999),
            new Holiday(MonthDay.of(7, 6), "Capital Day", true, 1900, 9999),
            new Holiday(MonthDay.of(8, 30), "Constitution Day", true, 1900, 2025),
            new Holiday(MonthDay.of(10, 25), "Republic Day", true, 2022, 9999),
            new Holiday(MonthDay.of(12, 16), "Independence Day", true, 1900, 9999));

    private StatutoryHolidays() {
    }

    /**
     * Days off a year's fixed holidays give, carry-overs included. {@code otherDaysOff} are the year's days off
     * from data (movable holidays, transfers); a carry-over never lands on one of them.
     */
    static NavigableSet<LocalDate> daysOff(int year, Set<LocalDate> otherDaysOff) {
        NavigableSet<LocalDate> holidays = new TreeSet<>();
        for (Holiday h : HOLIDAYS) {
            if (h.inForce(year)) {
                holidays.add(h.day().atYear(year));
            }
        }
        NavigableSet<LocalDate> off = new TreeSet<>();
        for (LocalDate day : holidays) {
            if (!isWeekend(day)) {
                off.add(day);
            }
        }
        for (Holiday h : HOLIDAYS) {
            LocalDate day = h.day().atYear(year);
            if (h.inForce(year) && h.carriesOver() && isWeekend(day)) {
                LocalDate carried = day.plusDays(1);
                while (isWeekend(carried) || off.contains(carried) || holidays.contains(carried)
                        || otherDaysOff.contains(carried)) {
                    carried = carried.plusDays(1);
                }
                off.add(carried);
            }
        }
        return off;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
