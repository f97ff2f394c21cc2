package kz.health.sanepid.engine;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.engine.*}: how this application tunes the engine beyond Camunda's own {@code camunda.bpm.*}, checked
 * at start.
 *
 * @param repliesFirst the job executor's yield to SMS replies ({@link RepliesFirst})
 * @param jobsAtStop   how long a stop waits for the jobs this node is running to finish before it goes on without
 *                     them ({@link JobsFinishAtStop}); a job not finished by then is left to the JVM's exit and runs
 *                     again after the next start
 */
@Validated
@ConfigurationProperties("sanepid.engine")
public record EngineProperties(@DefaultValue @Valid RepliesFirstSettings repliesFirst,
                               @DefaultValue("PT30S") @NotNull Duration jobsAtStop) {

    /**
     * @param quiet    how long after an SMS came in the job executor still waits before it acquires jobs; the replies
     *                 of a burst come closer than this, a lone reply holds the jobs back for at most this long
     * @param maxPause the longest the job executor waits for a quiet moment before it acquires once anyway, so that
     *                 timers and background work go on through a burst that lasts; {@code PT0S} switches the yield off
     */
    public record RepliesFirstSettings(@DefaultValue("PT0.5S") @NotNull Duration quiet,
                                       @DefaultValue("PT30S") @NotNull Duration maxPause) {
    }
}
