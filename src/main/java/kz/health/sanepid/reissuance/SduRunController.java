package kz.health.sanepid.reissuance;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SDU runs: start one on demand (specialists), read a run's counts by outcome and page through its recipients
 * (specialists and managers; IINs and phones masked for anyone but a specialist).
 */
@RestController
public class SduRunController {

    static final int MAX_PAGE_SIZE = 200;

    private final SduLedger ledger;
    private final RunLifecycle runs;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;
    private final SmsCost smsCost;

    public SduRunController(SduLedger ledger, RunLifecycle runs, CurrentUser currentUser, ReadAudit readAudit,
                            SmsCost smsCost) {
        this.smsCost = smsCost;
        this.ledger = ledger;
        this.runs = runs;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
    }

    /** Optional body: {"windowFrom":"2026-05-01"} to collect again from an earlier day. */
    public record RunRequest(String windowFrom) {
    }

    @PostMapping("/api/sdu/runs")
    public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) RunRequest request) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS);
        String pilotEnded = runs.pilotEndedProblem();
        if (pilotEnded != null) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "the pilot has ended; no run is started",
                    List.of(pilotEnded));
        }
        Instant windowFrom = null;
        if (request != null && request.windowFrom() != null) {
            try {
                windowFrom = RunLifecycle.parseWindowFrom(request.windowFrom());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(List.of("windowFrom: must be a date YYYY-MM-DD or an ISO instant"));
            }
            String problem = runs.windowFromProblem(windowFrom);
            if (problem != null) {
                throw ApiException.badRequest(List.of(problem));
            }
        }
        String runId = runs.start(windowFrom);
        return ResponseEntity.created(URI.create("/api/sdu/runs/" + runId)).body(view(runId));
    }

    @GetMapping("/api/sdu/runs/{runId}")
    public Map<String, Object> run(@PathVariable("runId") String runId) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS, Roles.MANAGERS);
        requireRunId(runId);
        return view(runId);
    }

    @GetMapping("/api/sdu/runs/{runId}/recipients")
    public Map<String, Object> recipients(@PathVariable("runId") String runId,
                                          @RequestParam(name = "page", defaultValue = "0") int page,
                                          @RequestParam(name = "size", defaultValue = "50") int size) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS, Roles.MANAGERS);
        List<String> reasons = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            reasons.add("page: must be between 0 and 100000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            reasons.add("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        requireRunId(runId);
        if (ledger.run(runId).isEmpty()) {
            throw ApiException.notFound("no such run");
        }
        boolean unmasked = currentUser.inAnyGroup(Roles.SANEPID_SPECIALISTS);
        List<SduLedger.Recipient> rows = ledger.page(runId, page, size);
        readAudit.recordReads(rows.stream().map(SduLedger.Recipient::recipientIin).toList(),
                "/api/sdu/runs/{runId}/recipients", unmasked ? "specialist: recipients of an SDU run (order 004 item 6-11)"
                        : "manager: recipients of an SDU run, masked (supervision)");
        List<Map<String, Object>> items = rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("businessKey", unmasked ? r.businessKey() : IdentificationNumbers.maskInKey(r.businessKey()));
            m.put("recipientIin", unmasked ? r.recipientIin() : IdentificationNumbers.mask(r.recipientIin()));
            m.put("holderId", unmasked || "ORGANISATION".equals(r.holderKind()) ? r.holderId()
                    : IdentificationNumbers.mask(r.holderId()));
            m.put("holderKind", r.holderKind());
            m.put("permitId", r.permitId());
            m.put("phone", r.phone() == null ? null : unmasked ? r.phone() : PhoneNumbers.mask(r.phone()));
            m.put("outcome", r.outcome().name());
            m.put("outcomeDetail", r.outcomeDetail());
            m.put("newPermitId", r.newPermitId());
            m.put("nameChangedAt", text(r.nameChangedAt()));
            m.put("startedAt", text(r.startedAt()));
            m.put("smsSentAt", text(r.smsSentAt()));
            m.put("repliedAt", text(r.repliedAt()));
            m.put("finishedAt", text(r.finishedAt()));
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", runId);
        body.put("page", page);
        body.put("size", size);
        body.put("total", ledger.countRecipients(runId));
        body.put("items", items);
        return body;
    }

    private Map<String, Object> view(String runId) {
        SduLedger.Run run = ledger.run(runId).orElseThrow(() -> ApiException.notFound("no such run"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.runId());
        body.put("status", run.status());
        body.put("statusReason", run.statusReason());
        body.put("startedBy", run.startedBy());
        body.put("startedAt", text(run.startedAt()));
        body.put("windowFrom", text(run.windowFrom()));
        body.put("windowTo", text(run.windowTo()));
        body.put("candidates", run.candidates());
        body.put("alreadyOffered", run.alreadyOffered());
        body.put("finishedAt", text(run.finishedAt()));
        body.put("counts", ledger.countsByOutcome(runId));
        body.put("sms", smsCost.ofRun(runId));
        return body;
    }

    private static void requireRunId(String runId) {
        if (!RunLifecycle.RUN_ID.matcher(runId).matches()) {
            throw ApiException.badRequest(List.of("runId: must look like SDU-20260501-020000-1a2b"));
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
