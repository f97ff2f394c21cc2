package kz.health.sanepid.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.idnumber.RandomKeys;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of a complaint (004 App.2 item 19): through the API (validated, then the process is started with
 * the complaint id as business key) or through the Tasklist start form (validated again in the first service
 * task, inside the start's transaction, so a refused form starts nothing). Whoever registers must belong to the
 * body that received the complaint: provider officers for the provider, reviewing-body officers for a complaint the
 * reviewing body received directly (checked at both doors, and so at /engine-rest and Tasklist too).
 */
@Service
public class ComplaintRegistration {

    public record Registered(String complaintId, String processInstanceId, String route, String dueAt) {
    }

    private final RuntimeService runtimeService;
    private final Complaints complaints;
    private final WorkingDayCalendar workingDays;
    private final ComplaintReview review;
    private final CurrentUser currentUser;
    /** The first stage's term: the head's decision, or the forwarding (APPK art. 91(4)). */
    private final ComplaintTerms terms;
    private final Clock clock;

    public ComplaintRegistration(RuntimeService runtimeService, Complaints complaints, WorkingDayCalendar workingDays,
            ComplaintReview review, CurrentUser currentUser, ComplaintTerms terms, Clock clock) {
        this.runtimeService = runtimeService;
        this.complaints = complaints;
        this.workingDays = workingDays;
        this.review = review;
        this.currentUser = currentUser;
        this.terms = terms;
        this.clock = clock;
    }

    /** Validates, then starts the process; a refusal (400 with reasons) starts and stores nothing. */
    @Transactional
    public Registered register(ComplaintRequest given) {
        ComplaintRequest request = resolved(given);
        List<String> problems = problems(request, Date.from(clock.instant()));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        String complaintId = newComplaintId();
        Map<String, Object> vars = new HashMap<>();
        vars.put(ComplaintProcess.COMPLAINT_ID, complaintId);
        vars.put("applicantId", request.applicantId());
        vars.put("applicantName", request.applicantName());
        vars.put("applicantPhone", request.applicantPhone());
        vars.put("applicantEmail", request.applicantEmail());
        vars.put("serviceCode", request.serviceCode().trim());
        vars.put("providerBin", request.providerBin());
        vars.put("appealedKind", request.appealedKind());
        vars.put("appealedText", request.appealedText());
        vars.put("demands", request.demands());
        vars.put("attachments", request.attachments() == null ? "" : String.join("\n", request.attachments()));
        vars.put(ComplaintProcess.ADDRESSEE, request.addressee());
        vars.put("reviewingBody", request.reviewingBody());
        vars.put(ComplaintProcess.RECEIVED_BY, request.receivedBy());
        if (request.registeredAt() != null && !request.registeredAt().isBlank()) {
            vars.put(ComplaintProcess.REGISTERED_AT,
                    Variables.dateValue(Date.from(OffsetDateTime.parse(request.registeredAt()).toInstant())));
        }
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(ComplaintProcess.KEY, complaintId, vars);
        Complaints.Complaint stored = complaints.find(complaintId).orElseThrow();
        return new Registered(complaintId, pi.getId(), stored.route(),
                OffsetDateTime.ofInstant(stored.dueAt().toInstant(), WorkingDayCalendar.ZONE).toString());
    }

    /**
     * What the first service task stored: the complaint's id (the given one, or a new one), when it was registered,
     * the request as resolved (who received it), and the days its terms end (ISO dates, Asia/Almaty): the first
     * stage's, the reviewing body's when it received the complaint directly (else null), and the decision's.
     */
    public record Stored(String complaintId, Date registeredAt, ComplaintRequest request, ReceivedBy receivedBy,
                         String providerDeadline, String reviewingBodyDeadline, String decisionDeadline) {

        /** Received directly by the reviewing body: its term runs from this registration. */
        public boolean direct() {
            return receivedBy == ReceivedBy.REVIEWING_BODY;
        }
    }

    /**
     * The first service task: validates the request again (a refused start form starts nothing) and stores the
     * complaint once. {@code complaintId} and {@code registeredAt}: as the API gave them, or null (Tasklist's start
     * form: a new id, registered now).
     */
    public Stored store(String complaintId, ComplaintRequest given, Date registeredAt) {
        ComplaintRequest request = resolved(given);
        Date now = Date.from(clock.instant());
        List<String> problems = problems(request, now);
        if (!problems.isEmpty()) {
            throw new ComplaintRefusedException(problems);
        }
        String id = complaintId == null ? newComplaintId() : complaintId;
        Date registered = registeredAt == null ? now : registeredAt;
        Route route = Route.parse(request.addressee());
        ReceivedBy receivedBy = ReceivedBy.parse(request.receivedBy());
        boolean direct = receivedBy == ReceivedBy.REVIEWING_BODY;
        Date dueAt = workingDays.deadline(registered, direct ? terms.reviewingBodyWorkingDays()
                : route == Route.HEAD_OF_PROVIDER ? terms.headDecisionWorkingDays() : terms.forwardingWorkingDays());
        if (!complaints.exists(id)) {
            complaints.insert(id, request, PhoneNumbers.normalise(request.applicantPhone()).orElse(null),
                    registered, dueAt);
        }
        return new Stored(id, registered, request, receivedBy, day(dueAt), direct ? day(dueAt) : null,
                day(review.decisionDeadline(route, receivedBy, registered)));
    }

    /** Who received the complaint, from the request or else from the registering officer's group. */
    private ComplaintRequest resolved(ComplaintRequest request) {
        ReceivedBy by = ComplaintValidator.blank(request.receivedBy()) ? ReceivedBy.defaultFor(currentUser.groups())
                : ReceivedBy.parse(request.receivedBy());
        return by == null ? request : request.withReceivedBy(by);
    }

    /** The validator's reasons, and whether the person registering belongs to the body that received it. */
    private List<String> problems(ComplaintRequest request, Date now) {
        List<String> problems = new java.util.ArrayList<>(ComplaintValidator.problems(request, now));
        ReceivedBy by = ReceivedBy.parse(request.receivedBy());
        if (by != null && currentUser.userId() != null && !currentUser.inAnyGroup(by.registeringGroup,
                Roles.ADMINISTRATORS)) {
            problems.add("receivedBy: a complaint received by " + (by == ReceivedBy.PROVIDER ? "the provider"
                    : "the reviewing body") + " is registered by its officers (group " + by.registeringGroup + ")");
        }
        return problems;
    }

    private static String day(Date deadline) {
        return deadline.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().format(DateTimeFormatter.ISO_DATE);
    }

    private static String newComplaintId() {
        return RandomKeys.hex("CMP-", 12);
    }
}
