package kz.health.sanepid.reissuance;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** Opening a run, the pilot-period check (order item 8) and closing a run, in the run ledger. */
@Service
public class RunLifecycle {

    public static final Pattern RUN_ID = Pattern.compile("^SDU-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(SduSettings.ZONE);
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final String RUN_PROCESS = "sdu-reissuance-run";

    private final SduLedger ledger;
    private final SduSettings settings;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public RunLifecycle(SduLedger ledger, SduSettings settings, @Lazy RuntimeService runtimeService, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public String newRunId() {
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        return "SDU-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(b);
    }

    /**
     * A re-collection may start from an earlier day than the watermark (e.g. after a registry outage): the offer
     * keys keep it from offering anything twice. It may not start after the watermark, which would leave a gap.
     * Answers the problem, or null.
     */
    public String windowFromProblem(Instant requestedWindowFrom) {
        if (requestedWindowFrom == null) {
            return null;
        }
        Instant watermark = ledger.watermark().orElse(settings.firstWindowOpens());
        if (requestedWindowFrom.isAfter(watermark)) {
            return "windowFrom: must not be after the end of the last collected window (" + watermark
                    + "), or name changes in between would be skipped";
        }
        return null;
    }

    /** "2026-05-01" (start of the day in Asia/Almaty) or an ISO instant; blank is none. */
    public static Instant parseWindowFrom(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() == 10) {
            return java.time.LocalDate.parse(v).atStartOfDay(SduSettings.ZONE).toInstant();
        }
        return v.endsWith("Z") || v.contains("+") ? java.time.OffsetDateTime.parse(v).toInstant()
                : java.time.LocalDateTime.parse(v.length() > 19 ? v.substring(0, 19) : v).atZone(SduSettings.ZONE).toInstant();
    }

    /** Starts one run of sdu-reissuance-run; the caller's identity (if any) becomes the run's initiator. */
    public String start(Instant windowFrom) {
        String runId = newRunId();
        runtimeService.startProcessInstanceByKey(RUN_PROCESS, runId, Variables.createVariables()
                .putValue("runId", runId)
                .putValue("windowFrom", windowFrom == null ? null : windowFrom.toString()));
        return runId;
    }

    public void open(String runId, String processInstanceId, String startedBy, Instant requestedWindowFrom) {
        String problem = windowFromProblem(requestedWindowFrom);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ledger.openRun(runId, processInstanceId, startedBy == null ? "schedule" : startedBy, requestedWindowFrom);
    }

    /** Order item 8: why no run may start now, or null while the pilot is on (the application clock, Asia/Almaty). */
    public String pilotEndedProblem() {
        if (!settings.pilotEndedAt(clock.instant())) {
            return null;
        }
        return "the pilot's last day was " + settings.pilotEndsOn() + " (joint order item 8: in force 12 months"
                + " from its entry into force, sanepid.sdu.pilot-ends-on); re-issue goes the ordinary way under the Rules";
    }

    /**
     * Order item 8, for the doors that start the run process without the API (the schedule, Tasklist,
     * /engine-rest): after the pilot's last day a run does nothing, and the run ledger says why.
     */
    public boolean pilotActive(String runId) {
        String problem = pilotEndedProblem();
        if (problem == null) {
            return true;
        }
        ledger.pilotEnded(runId, problem + "; nothing was collected");
        return false;
    }

    public void close(String runId) {
        ledger.startedAll(runId);
    }
}
