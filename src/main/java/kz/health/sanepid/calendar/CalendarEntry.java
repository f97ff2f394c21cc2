package kz.health.sanepid.calendar;

import java.time.LocalDate;

/** One day of calendar data: a movable holiday, a transferred day off, or a transferred working day. */
public record CalendarEntry(LocalDate day, Kind kind, String description) {

    public enum Kind {
        /** A movable holiday with no carry-over, e.g. the first day of Kurban Ait. */
        HOLIDAY,
        /** An extra day off by a Government transfer. */
        DAY_OFF,
        /** A weekend day worked by a Government transfer. */
        WORKING_DAY
    }
}
