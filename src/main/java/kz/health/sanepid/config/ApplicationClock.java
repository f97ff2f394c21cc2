package kz.health.sanepid.config;

import java.time.Clock;
import java.time.Duration;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's "now" (due dates, working-day terms, the SDU ledger, audit and journal timestamps): one
 * {@link Clock} bean that every class takes by its constructor, instead of reading the engine's internal clock. In
 * the application it is the system clock, as the engine's is, so timers and the application agree; in millisecond
 * ticks, as the engine's dates (so a stored timestamp is what the engine's clock read before). Its zone is
 * Asia/Almaty ({@link WorkingDayCalendar#ZONE}); days are still read with that zone named. The tests replace it with
 * one that follows the engine's clock, which they move to fire timers (src/test: EngineAlignedClock).
 */
@Configuration(proxyBeanMethods = false)
public class ApplicationClock {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.system(WorkingDayCalendar.ZONE), Duration.ofMillis(1));
    }
}
