package kz.health.sanepid.manager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.complaint.ComplaintBoard;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.reissuance.RecipientOutcome;
import kz.health.sanepid.reissuance.RunLifecycle;
import kz.health.sanepid.reissuance.SduLedger;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' view (issue 17), read only, for {@code managers} and administrators: the SDU funnel of 004 App.2
 * per run and per period, a run's recipients by outcome (IIN and phone masked, each registry's answer and when),
 * the complaint deadlines board and the closed complaints, consent and disclosure counts, incidents per process.
 * Every answer is a {@link Report}: JSON, or one table as CSV ({@code Accept: text/csv} or {@code ?format=csv}), as
 * the endpoint's {@link ReportFormat} asks.
 * Lists of persons are audited (one row per subject in {@code audit_read}). The Cockpit plugin
 * ({@code cockpit/scripts/managers-view.js}) shows exactly these answers, with the webapp's session.
 */
@RestController
@RequestMapping("/api/manager")
public class ManagerReportsController {

    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern BIN = Pattern.compile("^[0-9]{12}$");
    private static final Pattern COMPLAINT_ID = Pattern.compile("^[A-Za-z0-9-]{1,40}$");
    private static final List<String> ROUTES = List.of("HEAD_OF_PROVIDER", "REVIEWING_BODY");
    private static final List<String> DECISIONS = List.of("SATISFIED_IN_FULL", "SATISFIED_IN_PART", "REJECTED");

    private final SduLedger ledger;
    private final ComplaintBoard complaints;
    private final ConsentFigures consent;
    private final IncidentFigures incidents;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;
    private final Clock clock;

    public ManagerReportsController(SduLedger ledger, ComplaintBoard complaints, ConsentFigures consent,
                                    IncidentFigures incidents, CurrentUser currentUser, ReadAudit readAudit,
                                    Clock clock) {
        this.ledger = ledger;
        this.complaints = complaints;
        this.consent = consent;
        this.incidents = incidents;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
        this.clock = clock;
    }

    // ---- SDU ---------------------------------------------------------------------------------------------------

    /** The runs started in the period (default: the last 31 days), newest first, with their funnel's head. */
    @GetMapping("/sdu/runs")
    public ResponseEntity<?> runs(@RequestParam(name = "from", required = false) String from,
                                  @RequestParam(name = "to", required = false) String to,
                                  ReportFormat format) {
        requireManager();
        Period period = Period.of(from, to, today());
        List<List<Object>> rows = new ArrayList<>();
        for (SduLedger.Run r : ledger.runsStartedBetween(period.start(), period.end(), 500)) {
            Map<String, Long> f = ledger.funnelOfRun(r.runId());
            rows.add(row(r.runId(), text(r.startedAt()), r.status(), text(r.windowFrom()), text(r.windowTo()),
                    (long) r.candidates(), f.get("smsSent"), f.get("reissued"), f.get("inProgress"),
                    text(r.finishedAt())));
        }
        return report(period.query(), List.of(new Table("runs", List.of("runId", "startedAt", "status", "windowFrom",
                "windowTo", "offers", "smsSent", "reissued", "inProgress", "finishedAt"), rows)), format, "sdu-runs");
    }

    /** The funnel of one run ({@code runId}) or of the runs started in the period ({@code from}, {@code to}). */
    @GetMapping("/sdu/funnel")
    public ResponseEntity<?> funnel(@RequestParam(name = "runId", required = false) String runId,
                                    @RequestParam(name = "from", required = false) String from,
                                    @RequestParam(name = "to", required = false) String to,
                                    ReportFormat format) {
        requireManager();
        Map<String, Object> query;
        Map<String, Long> funnel;
        if (runId != null) {
            if (from != null || to != null) {
                throw ApiException.badRequest(List.of("runId: either a run or a period (from, to), not both"));
            }
            requireRun(runId);
            query = new LinkedHashMap<>();
            query.put("runId", runId);
            funnel = ledger.funnelOfRun(runId);
        } else {
            Period period = Period.of(from, to, today());
            query = period.query();
            funnel = ledger.funnelOfRunsStartedBetween(period.start(), period.end());
        }
        List<List<Object>> rows = new ArrayList<>();
        funnel.forEach((step, n) -> rows.add(row(step, n)));
        return report(query, List.of(new Table("funnel", List.of("step", "count"), rows)), format, "sdu-funnel");
    }

    /**
     * A run's recipients, finished ones included, by outcome ({@code outcome}: one of {@link RecipientOutcome}; all
     * by default): IIN, business key and phone masked, the exclusion reason, and every registry's answer with its
     * time (items 8, 17). Audited: one row per recipient shown.
     */
    @GetMapping("/sdu/runs/{runId}/recipients")
    public ResponseEntity<?> recipients(@PathVariable("runId") String runId,
                                        @RequestParam(name = "outcome", required = false) String outcome,
                                        @RequestParam(name = "page", defaultValue = "0") int page,
                                        @RequestParam(name = "size", defaultValue = "50") int size,
                                        ReportFormat format) {
        requireManager();
        List<String> reasons = pageProblems(page, size);
        RecipientOutcome wanted = null;
        if (outcome != null) {
            try {
                wanted = RecipientOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                reasons.add("outcome: one of " + List.of(RecipientOutcome.values()));
            }
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        requireRun(runId);
        List<SduLedger.Recipient> recipients = ledger.page(runId, wanted, page, size);
        readAudit.recordReads(recipients.stream().map(SduLedger.Recipient::recipientIin).toList(),
                "/api/manager/sdu/runs/{runId}/recipients", "manager: recipients of an SDU run by outcome, masked"
                        + " (supervision, issue 17)");
        Map<String, List<SduLedger.RegistryAnswer>> answers = ledger.answers(
                recipients.stream().map(SduLedger.Recipient::businessKey).toList());
        List<List<Object>> rows = new ArrayList<>();
        for (SduLedger.Recipient r : recipients) {
            String maskedIin = IdentificationNumbers.mask(r.recipientIin());
            StringBuilder said = new StringBuilder();
            for (SduLedger.RegistryAnswer a : answers.getOrDefault(r.businessKey(), List.of())) {
                if (!said.isEmpty()) {
                    said.append("; ");
                }
                said.append(a.registry()).append(" | ").append(a.question()).append(" = ").append(a.answer())
                        .append(" @ ").append(a.answeredAt());
            }
            rows.add(row(IdentificationNumbers.maskInKey(r.businessKey()), maskedIin, r.holderKind(),
                    "ORGANISATION".equals(r.holderKind()) ? r.holderId() : IdentificationNumbers.mask(r.holderId()),
                    r.permitId(), r.phone() == null ? null : PhoneNumbers.mask(r.phone()), r.outcome().name(),
                    r.outcomeDetail(), r.newPermitId(), text(r.startedAt()), text(r.smsSentAt()),
                    text(r.repliedAt()), text(r.finishedAt()), said.toString()));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("runId", runId);
        query.put("outcome", outcome);
        query.put("page", page);
        query.put("size", size);
        query.put("total", ledger.countRecipients(runId, wanted));
        return report(query, List.of(new Table("recipients", List.of("businessKey", "recipientIin", "holderKind",
                "holderId", "permitId", "phone", "outcome", "outcomeDetail", "newPermitId", "startedAt", "smsSentAt",
                "repliedAt", "finishedAt", "registryAnswers"), rows)), format, "sdu-recipients");
    }

    // ---- complaints ----------------------------------------------------------------------------------------------

    /**
     * Open complaints by what is due now (the application clock): by route and by provider; missed 3-day forwardings;
     * time to decision in working days (median, 90th percentile, nearest rank).
     */
    @GetMapping("/complaints/deadlines")
    public ResponseEntity<?> deadlines(@RequestParam(name = "providerBin", required = false) String providerBin,
                                       ReportFormat format) {
        requireManager();
        if (providerBin != null && !BIN.matcher(providerBin).matches()) {
            throw ApiException.badRequest(List.of("providerBin: 12 digits"));
        }
        Instant now = clock.instant();
        List<String> dueColumns = List.of("open", "overdue", "dueToday", "dueWithin2WorkingDays", "later",
                "forwardingDeadlineMissed");
        List<Table> tables = new ArrayList<>();
        for (boolean byProvider : new boolean[] {false, true}) {
            List<String> columns = new ArrayList<>();
            columns.add(byProvider ? "providerBin" : "route");
            columns.addAll(dueColumns);
            List<List<Object>> rows = new ArrayList<>();
            for (ComplaintBoard.Due d : complaints.due(now, byProvider, providerBin)) {
                rows.add(row(d.group(), d.open(), d.overdue(), d.dueToday(), d.dueWithinTwoWorkingDays(), d.later(),
                        d.forwardingDeadlineMissed()));
            }
            tables.add(new Table(byProvider ? "byProvider" : "byRoute", columns, rows));
        }
        List<List<Object>> times = new ArrayList<>();
        for (ComplaintBoard.DecisionTime t : complaints.decisionTimes(providerBin)) {
            times.add(row(t.route(), t.decided(), t.median(), t.percentile90(), t.decidedPastTerm()));
        }
        tables.add(new Table("decisionTime", List.of("route", "decided", "medianWorkingDays",
                "p90WorkingDays", "decidedPastTerm"), times));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("now", now.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString());
        query.put("providerBin", providerBin);
        return report(query, tables, format, "complaint-deadlines");
    }

    /** Closed complaints, searched; the applicant's IIN masked, no name or contact. Audited per applicant. */
    @GetMapping("/complaints/closed")
    public ResponseEntity<?> closed(@RequestParam(name = "complaintId", required = false) String complaintId,
                                    @RequestParam(name = "providerBin", required = false) String providerBin,
                                    @RequestParam(name = "route", required = false) String route,
                                    @RequestParam(name = "decision", required = false) String decision,
                                    @RequestParam(name = "from", required = false) String from,
                                    @RequestParam(name = "to", required = false) String to,
                                    @RequestParam(name = "page", defaultValue = "0") int page,
                                    @RequestParam(name = "size", defaultValue = "50") int size,
                                    ReportFormat format) {
        requireManager();
        List<String> reasons = pageProblems(page, size);
        if (complaintId != null && !COMPLAINT_ID.matcher(complaintId).matches()) {
            reasons.add("complaintId: letters, digits and dashes, at most 40");
        }
        if (providerBin != null && !BIN.matcher(providerBin).matches()) {
            reasons.add("providerBin: 12 digits");
        }
        if (route != null && !ROUTES.contains(route)) {
            reasons.add("route: one of " + ROUTES);
        }
        if (decision != null && !DECISIONS.contains(decision)) {
            reasons.add("decision: one of " + DECISIONS);
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        Period period = from == null && to == null ? null : Period.of(from, to, today());
        ComplaintBoard.Search search = new ComplaintBoard.Search(complaintId, providerBin, route, decision,
                period == null ? null : period.start(), period == null ? null : period.end());
        List<ComplaintBoard.Closed> found = complaints.closed(search, page, size);
        readAudit.recordReads(found.stream().map(ComplaintBoard.Closed::applicantId).toList(),
                "/api/manager/complaints/closed", "manager: closed complaints, applicant masked (supervision, issue 17)");
        List<List<Object>> rows = new ArrayList<>();
        for (ComplaintBoard.Closed c : found) {
            rows.add(row(c.complaintId(), IdentificationNumbers.mask(c.applicantId()), c.providerBin(),
                    (long) c.serviceCode(), c.route(), c.receivedBy(), c.appealedKind(), c.decision(), c.decidedBy(),
                    text(c.registeredAt()), text(c.dueAt()), text(c.closedAt()),
                    (long) complaints.workingDays(c.registeredAt(), c.closedAt()), !c.closedAt().isAfter(c.dueAt()),
                    c.forwardingDeadlineMissed()));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("complaintId", complaintId);
        query.put("providerBin", providerBin);
        query.put("route", route);
        query.put("decision", decision);
        if (period != null) {
            query.putAll(period.query());
        }
        query.put("page", page);
        query.put("size", size);
        query.put("total", complaints.countClosed(search));
        return report(query, List.of(new Table("closed", List.of("complaintId", "applicantIin", "providerBin",
                "serviceCode", "route", "receivedBy", "appealedKind", "decision", "decidedBy", "registeredAt", "dueAt",
                "closedAt", "workingDaysToDecision", "withinTerm", "forwardingDeadlineMissed"), rows)), format,
                "complaints-closed");
    }

    // ---- consent, disclosure, incidents ---------------------------------------------------------------------------

    @GetMapping("/consent")
    public ResponseEntity<?> consent(ReportFormat format) {
        requireManager();
        return report(new LinkedHashMap<>(), List.of(consent.consentRequests(), consent.revocations(),
                consent.disclosuresByGround(), consent.fourEyesWaiting()), format, "consent");
    }

    @GetMapping("/incidents")
    public ResponseEntity<?> incidents(ReportFormat format) {
        requireManager();
        return report(new LinkedHashMap<>(), List.of(incidents.incidents()), format, "incidents");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void requireManager() {
        currentUser.requireAnyGroup(Roles.MANAGERS, Roles.ADMINISTRATORS);
    }

    private void requireRun(String runId) {
        if (!RunLifecycle.RUN_ID.matcher(runId).matches()) {
            throw ApiException.badRequest(List.of("runId: must look like SDU-20260501-020000-1a2b"));
        }
        if (ledger.run(runId).isEmpty()) {
            throw ApiException.notFound("no such run");
        }
    }

    private static List<String> pageProblems(int page, int size) {
        List<String> reasons = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            reasons.add("page: must be between 0 and 100000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            reasons.add("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        return reasons;
    }

    private ResponseEntity<?> report(Map<String, Object> query, List<Table> tables, ReportFormat format,
                                     String fileName) {
        String asOf = clock.instant().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString();
        return format.respond(new Report(asOf, query, tables), fileName);
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c);
        }
        return row;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The application clock's day in Asia/Almaty. */
    private LocalDate today() {
        return clock.instant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    /** Days in Asia/Almaty, both included: [from 00:00, the day after to 00:00). Default: the last 31 days to today. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(String from, String to, LocalDate today) {
            List<String> reasons = new ArrayList<>();
            LocalDate f = parse("from", from, today.minusDays(30), reasons);
            LocalDate t = parse("to", to, today, reasons);
            if (reasons.isEmpty() && f.isAfter(t)) {
                reasons.add("from: must not be after to");
            }
            if (reasons.isEmpty() && f.plusYears(5).isBefore(t)) {
                reasons.add("to: a period of at most 5 years");
            }
            if (!reasons.isEmpty()) {
                throw ApiException.badRequest(reasons);
            }
            return new Period(f, t);
        }

        private static LocalDate parse(String name, String value, LocalDate otherwise, List<String> reasons) {
            if (value == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                reasons.add(name + ": a date YYYY-MM-DD");
                return otherwise;
            }
        }

        Instant start() {
            return from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        }

        Map<String, Object> query() {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("from", from.toString());
            q.put("to", to.toString());
            return q;
        }
    }
}
