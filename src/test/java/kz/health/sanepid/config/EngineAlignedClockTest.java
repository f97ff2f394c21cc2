package kz.health.sanepid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The application's clock in the tests is the engine's: moving the engine clock moves what the beans read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAlignedClockTest {

    @Autowired Clock clock;
    @Autowired WorkingDayCalendar workingDays;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void theBeansReadTheEngineClock() {
        assertThat(clock).isInstanceOf(EngineAlignedClock.class);
        assertThat(clock.getZone()).isEqualTo(WorkingDayCalendar.ZONE);
        Instant friday = Instant.parse("2026-03-20T05:15:00Z");
        ClockUtil.setCurrentTime(Date.from(friday));
        assertThat(clock.instant()).isEqualTo(friday);
        // Friday before Nauryz (21-25 March off): 5 working days end on 1 April, 23:59:59.999 Almaty
        assertThat(workingDays.deadlineFromNow(5)).isEqualTo(Date.from(Instant.parse("2026-04-01T18:59:59.999Z")));
        ClockUtil.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
