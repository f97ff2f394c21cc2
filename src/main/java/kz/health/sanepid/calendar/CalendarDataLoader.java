package kz.health.sanepid.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Merges the repository's calendar file into the calendar table at every start. */
@Component
@Order(0)
class CalendarDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarDataLoader.class);
    private final CalendarData data;
    private final WorkingDayCalendar calendar;

    CalendarDataLoader(CalendarData data, WorkingDayCalendar calendar) {
        this.data = data;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = data.loadSeedFile();
        calendar.refresh();
        LOG.info("calendar data: {} new entries from {}", added, CalendarData.SEED_FILE);
    }
}
