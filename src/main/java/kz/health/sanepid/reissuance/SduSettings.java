package kz.health.sanepid.reissuance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanepid.sdu.*}: configuration of the SDU pilot, read by the diagrams as {@code ${sduSettings.x()}} through
 * {@link SduDiagramSettings}, which adds whether the pilot is on now: the pilot's end (order item 8: in force 12
 * months from signature), the run schedule, the Ministry's BIN as the personal-data operator (item 18, order
 * item 4.2), and how many recipient instances one job starts. Checked at start: a wrong value stops the application.
 *
 * @param pilotEndsOn     last day of the pilot, inclusive (Asia/Almaty)
 * @param scheduleCycle   cron (Quartz syntax, with seconds) or ISO 8601 repeating interval of the timer start event
 * @param operatorBin     the personal-data operator's BIN (checksum checked)
 * @param batchSize       recipient instances started per job, 1-5000 (the value at start; {@link RecipientBatchSize}
 *                        holds the current one)
 * @param firstWindowFrom where the first run's window opens when no run has collected yet
 * @param replyWait       the reply waits of 004 App.2 items 13 and 14 ("3 күн": P3D calendar days by default); days
 *                        and/or hours of ISO 8601 (P3D, PT72H, P2DT12H), at least one hour: what the engine's timer
 *                        takes
 */
@Validated
@ConfigurationProperties("sanepid.sdu")
public record SduSettings(
        @NotNull LocalDate pilotEndsOn,
        @NotBlank String scheduleCycle,
        @NotBlank String operatorBin,
        @DefaultValue("500") @Min(1) @Max(5_000) int batchSize,
        @NotNull LocalDate firstWindowFrom,
        @DefaultValue("P3D") @NotNull @Pattern(regexp = "^P(\\d+D)?(T\\d+H)?$") String replyWait) {

    public static final ZoneId ZONE = kz.health.sanepid.calendar.WorkingDayCalendar.ZONE;

    public SduSettings {
        String binProblem = operatorBin == null ? null : IdentificationNumbers.binProblem(operatorBin);
        if (binProblem != null) {
            throw new IllegalStateException("sanepid.sdu.operator-bin: " + binProblem);
        }
        scheduleCycle = scheduleCycle == null ? null : scheduleCycle.strip();
        replyWait = replyWait == null ? null : replyWait(replyWait);
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

    /** Whether the pilot is over on the given instant. */
    public boolean pilotEndedAt(Instant now) {
        return now.atZone(ZONE).toLocalDate().isAfter(pilotEndsOn);
    }

    /**
     * The consent's {@code validUntil} the recipient diagram passes to personal-data-consent: the pilot's last day,
     * ISO 8601 (order item 8: the processing ends with the pilot).
     */
    public String consentValidUntil() {
        return pilotEndsOn.toString();
    }

    /** {@link #firstWindowFrom()} as the instant it opens (its start of day in Asia/Almaty). */
    public Instant firstWindowOpens() {
        return firstWindowFrom.atStartOfDay(ZONE).toInstant();
    }
}
