package kz.health.sanepid.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

class WorkingDayCalendarTest {

    /** Friday 20 March 2026, 10:15 in Almaty: the application clock of this calendar. */
    private static final Clock FRIDAY_BEFORE_NAURYZ = Clock.fixed(
            OffsetDateTime.parse("2026-03-20T10:15:00+05:00").toInstant(), WorkingDayCalendar.ZONE);

    private CalendarData data;
    private WorkingDayCalendar calendar;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        data = new CalendarData(new JdbcTemplate(ds));
        data.loadSeedFile();
        calendar = new WorkingDayCalendar(data, FRIDAY_BEFORE_NAURYZ);
    }

    @Test
    void the2026DaysOffAreSpecMdsListDayByDay() {
        assertThat(calendar.daysOff(2026)).containsExactly(
                d("2026-01-01"), d("2026-01-02"), d("2026-01-07"),
                d("2026-03-09"),
                d("2026-03-23"), d("2026-03-24"), d("2026-03-25"),
                d("2026-05-01"), d("2026-05-07"), d("2026-05-11"),
                d("2026-05-27"),
                d("2026-07-06"),
                d("2026-10-26"),
                d("2026-12-16"));
    }

    @Test
    void workingDaysBetweenCountsAsTheDeadlineDoes() {
        // registered Friday 20 March 2026, Nauryz (23-25 March) follows: the 5th working day is 1 April
        assertThat(calendar.workingDaysBetween(d("2026-03-20"), d("2026-04-01"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(d("2026-03-20"), d("2026-03-25"))).isEqualTo(0);
        assertThat(calendar.workingDaysBetween(d("2026-03-20"), d("2026-03-20"))).isEqualTo(0);
        // a start on a Saturday is taken as made on Monday
        assertThat(calendar.workingDaysBetween(d("2026-11-07"), d("2026-11-10"))).isEqualTo(1);
        for (LocalDate start = d("2026-01-01"); start.isBefore(d("2026-12-31")); start = start.plusDays(11)) {
            for (int n = 1; n <= 20; n++) {
                assertThat(calendar.workingDaysBetween(start, calendar.deadlineDay(start, n))).as(start + " + " + n)
                        .isEqualTo(n);
            }
        }
    }

    @Test
    void constitutionDayAug30IsOffUntil2025AndNotIn2026() {
        assertThat(calendar.isWorkingDay(d("2025-08-29"))).isTrue();
        // Sat Aug 30 2025 carries over to Mon Sep 1
        assertThat(calendar.daysOff(2025)).contains(d("2025-09-01"));
        assertThat(calendar.isWorkingDay(d("2026-08-31"))).isTrue();
        assertThat(calendar.daysOff(2026)).noneMatch(day -> day.getMonthValue() == 8 || day.getMonthValue() == 9);
        // from 2027 Constitution Day is Mar 15 (a Monday)
        assertThat(calendar.daysOff(2027)).contains(d("2027-03-15"));
    }

    @Test
    void orthodoxChristmasDoesNotCarryOver() {
        // Jan 7 2024 was a Sunday: no carry-over to Jan 8
        assertThat(calendar.isWorkingDay(d("2024-01-08"))).isTrue();
    }

    @Test
    void theGovernmentsTransfersComeFromData() {
        assertThat(calendar.isWorkingDay(d("2025-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-01-05"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-06-06"))).isFalse();
    }

    @Test
    void anOperatorAddsATransferWithoutACodeChange() {
        assertThat(calendar.isWorkingDay(d("2026-12-31"))).isTrue();
        data.put(new CalendarEntry(d("2026-12-31"), CalendarEntry.Kind.DAY_OFF, "Transfer"), "test");
        data.put(new CalendarEntry(d("2026-12-26"), CalendarEntry.Kind.WORKING_DAY, "Transfer"), "test");
        calendar.refresh();
        assertThat(calendar.isWorkingDay(d("2026-12-31"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-12-26"))).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-03-20, 5, 2026-04-01", // Friday before Nauryz: Mar 21-25 off
            "2026-03-20, 3, 2026-03-30",
            "2026-03-20, 15, 2026-04-15",
            "2026-03-21, 1, 2026-03-27", // Saturday during Nauryz: deemed filed Thu Mar 26
            "2026-03-06, 1, 2026-03-10", // Friday before Women's Day carried to Mon Mar 9
            "2026-05-08, 1, 2026-05-12", // Victory Day Sat May 9 carried to Mon May 11
            "2026-12-15, 1, 2026-12-17", // Independence Day Wed Dec 16
            "2026-12-30, 3, 2027-01-06", // year end: Jan 1 off, Sat Jan 2 2027 carried to Mon Jan 4
            "2026-10-23, 1, 2026-10-27", // Republic Day Sun Oct 25 carried to Mon Oct 26
            // holiday Thu Jan 2 2025: deemed filed on the next working day, Sun Jan 5 (worked by transfer; Jan 3 off)
            "2025-01-02, 1, 2025-01-06",
    })
    void deadlines(String from, int days, String expected) {
        assertThat(calendar.deadlineDay(d(from), days)).isEqualTo(d(expected));
    }

    @Test
    void theDeadlineIsTheEndOfTheDayInAlmaty() {
        OffsetDateTime end = OffsetDateTime.ofInstant(calendar.deadline(d("2026-03-20"), 5).toInstant(),
                WorkingDayCalendar.ZONE);
        assertThat(end.toLocalDate()).isEqualTo(d("2026-04-01"));
        assertThat(end.getHour()).isEqualTo(23);
        assertThat(end.getMinute()).isEqualTo(59);
        assertThat(end.getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThat(calendar.deadlineIso("2026-03-20T10:15:00+05:00", 5)).startsWith("2026-04-01T23:59:59.999");
    }

    @Test
    void aDeadlineFromNowCountsFromTheApplicationClocksDay() {
        assertThat(calendar.deadlineFromNow(5)).isEqualTo(calendar.deadline(d("2026-03-20"), 5));
    }

    @Test
    void carryOversNeverLandOnAnotherDayOff() {
        // Nauryz 2026 (Sat-Mon): Mon Mar 23 is itself off, so Sat goes to Tue and Sun to Wed
        assertThat(List.of(d("2026-03-23"), d("2026-03-24"), d("2026-03-25")))
                .allMatch(day -> !calendar.isWorkingDay(day));
        assertThat(calendar.isWorkingDay(d("2026-03-26"))).isTrue();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
