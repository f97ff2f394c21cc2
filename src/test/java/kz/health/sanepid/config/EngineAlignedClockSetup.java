package kz.health.sanepid.config;

import java.time.Clock;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@link EngineAlignedClock} in every Spring context started from the test class path: the shared
 * {@code @SpringBootTest} context, the ones with other profiles or properties, and those a test starts itself with
 * {@code SpringApplicationBuilder} (security/OwnApplication, system/, bench/). Registered as an auto-configuration of
 * the test class path ({@code src/test/resources/META-INF/spring/...AutoConfiguration.imports}, as
 * coverage/ProcessCoverageSetup) rather than with {@code @Import} on each class, so the tests keep sharing the one
 * cached context. {@code @Primary}: it is the one every constructor gets; {@link ApplicationClock}'s system clock stays
 * defined beside it, unused. Applications started as separate processes (system/KillAndRestartTest,
 * TwoNodeClusterTest) have no test classes on their class path and run on the system clock.
 */
@AutoConfiguration
public class EngineAlignedClockSetup {

    @Bean
    @Primary
    Clock engineAlignedClock() {
        return new EngineAlignedClock(WorkingDayCalendar.ZONE);
    }
}
