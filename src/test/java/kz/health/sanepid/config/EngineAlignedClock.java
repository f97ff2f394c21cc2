package kz.health.sanepid.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application clock of the tests: it reads the engine's clock ({@link ClockUtil}), so a test that moves the
 * engine clock to fire a timer or pass a deadline ({@code ClockUtil.setCurrentTime}, {@code reset}) moves the
 * application's "now" with it (due dates, the pilot's end, ledger and audit timestamps). Every Spring test context
 * gets it instead of {@link ApplicationClock}'s system clock ({@link EngineAlignedClockSetup}).
 */
public final class EngineAlignedClock extends Clock {

    private final ZoneId zone;

    public EngineAlignedClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new EngineAlignedClock(zone);
    }

    @Override
    public long millis() {
        return ClockUtil.now().getTime();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public String toString() {
        return "EngineAlignedClock[" + zone + "]";
    }
}
