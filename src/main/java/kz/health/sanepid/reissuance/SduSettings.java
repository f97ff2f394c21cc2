package kz.health.sanepid.reissuance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configuration of the SDU pilot ({@code sanepid.sdu.*}), read by the diagrams as {@code ${sduSettings...}}:
 * the pilot's end (order item 8: in force 12 months from signature), the run schedule, the Ministry's BIN as the
 * personal-data operator (item 18, order item 4.2), and how many recipient instances one job starts.
 */
@Component("sduSettings")
public class SduSettings {

    public static final ZoneId ZONE = kz.health.sanepid.calendar.WorkingDayCalendar.ZONE;

    private LocalDate pilotEndsOn;
    private final String scheduleCycle;
    private final String operatorBin;
    private int batchSize;
    private final Instant firstWindowFrom;
    private final String replyWait;

    public SduSettings(@Value("${sanepid.sdu.pilot-ends-on}") LocalDate pilotEndsOn,
                       @Value("${sanepid.sdu.schedule-cycle}") String scheduleCycle,
                       @Value("${sanepid.sdu.operator-bin}") String operatorBin,
                       @Value("${sanepid.sdu.batch-size:500}") int batchSize,
                       @Value("${sanepid.sdu.first-window-from}") LocalDate firstWindowFrom,
                       @Value("${sanepid.sdu.reply-wait:P3D}") String replyWait) {
        String binProblem = IdentificationNumbers.binProblem(operatorBin);
        if (binProblem != null) {
            throw new IllegalStateException("sanepid.sdu.operator-bin: " + binProblem);
        }
        if (scheduleCycle == null || scheduleCycle.isBlank()) {
            throw new IllegalStateException("sanepid.sdu.schedule-cycle must be a cron or ISO 8601 cycle");
        }
        this.pilotEndsOn = pilotEndsOn;
        this.scheduleCycle = scheduleCycle.strip();
        this.operatorBin = operatorBin;
        setBatchSize(batchSize);
        this.firstWindowFrom = firstWindowFrom.atStartOfDay(ZONE).toInstant();
        this.replyWait = replyWait(replyWait);
    }

    private static final java.util.regex.Pattern DAYS_OR_HOURS = java.util.regex.Pattern.compile("^P(\\d+D)?(T\\d+H)?$");

    /** Days and/or hours of ISO 8601 (P3D, PT72H, P2DT12H), at least one hour: what the engine's timer takes. */
    static String replyWait(String value) {
        String v = value == null ? "" : value.strip();
        if (!DAYS_OR_HOURS.matcher(v).matches() || v.equals("P") || java.time.Duration.parse(v).toHours() < 1) {
            throw new IllegalStateException("sanepid.sdu.reply-wait must be days and/or hours of ISO 8601"
                    + " (P3D, PT72H), at least one hour");
        }
        return v;
    }

    /** Last day of the pilot, inclusive (Asia/Almaty). */
    public LocalDate getPilotEndsOn() {
        return pilotEndsOn;
    }

    /** Whether the pilot is over on the given instant. */
    public boolean pilotEndedAt(Instant now) {
        return now.atZone(ZONE).toLocalDate().isAfter(pilotEndsOn);
    }

    /**
     * Read by the recipient diagram's gateways before the resend, the consent and the re-issue (order item 8):
     * true while the engine clock is on or before the pilot's last day.
     */
    public boolean pilotActiveNow() {
        return !pilotEndedAt(org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant());
    }

    /** The reply waits of 004 App.2 items 13 and 14 ("3 күн": P3D calendar days by default). */
    public String getReplyWait() {
        return replyWait;
    }

    /** Cron (Quartz syntax, with seconds) or ISO 8601 repeating interval of the timer start event. */
    public String getScheduleCycle() {
        return scheduleCycle;
    }

    public String getOperatorBin() {
        return operatorBin;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Where the first run's window opens when no run has collected yet. */
    public Instant getFirstWindowFrom() {
        return firstWindowFrom;
    }

    /** For tests and operators (JMX-free): the batch size of later batches. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalStateException("sanepid.sdu.batch-size must be between 1 and 5000");
        }
        this.batchSize = batchSize;
    }
}
