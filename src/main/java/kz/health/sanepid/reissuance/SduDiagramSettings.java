package kz.health.sanepid.reissuance;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * What the diagrams read as {@code ${sduSettings.x()}}: the {@link SduSettings} values they use, and whether the
 * pilot is on now by the application clock. The record is bound from configuration and cannot hold the clock, so
 * this bean takes the name config/ExpressionNames would give the record (it gives none when a bean has the name).
 * The names stay as the deployed diagrams, and the instances waiting on their older versions, call them.
 */
@Component("sduSettings")
public class SduDiagramSettings {

    private final SduSettings settings;
    private final Clock clock;

    public SduDiagramSettings(SduSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Read by the recipient diagram's gateways before the resend, the consent and the re-issue (order item 8):
     * true while the application clock is on or before the pilot's last day (Asia/Almaty).
     */
    public boolean pilotActiveNow() {
        return !settings.pilotEndedAt(clock.instant());
    }

    /** The schedule's timer start. */
    public String scheduleCycle() {
        return settings.scheduleCycle();
    }

    /** The recipient diagram's reply timers (004 App.2 items 13, 14). */
    public String replyWait() {
        return settings.replyWait();
    }

    /** The personal-data operator the recipient diagram passes to personal-data-consent. */
    public String operatorBin() {
        return settings.operatorBin();
    }

    /** The consent's {@code validUntil}: {@link SduSettings#consentValidUntil()}. */
    public String consentValidUntil() {
        return settings.consentValidUntil();
    }
}
