package kz.health.sanepid.complaint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    public ComplaintRegistration(RuntimeService runtimeService, Complaints complaints, WorkingDayCalendar workingDays,
            ComplaintReview review, CurrentUser currentUser, ComplaintTerms terms) {
        this.runtimeService = runtimeService;
        this.complaints = complaints;
        this.workingDays = workingDays;
        this.review = review;
        this.currentUser = currentUser;
        this.terms = terms;
    }

    /** Validates, then starts the process; a refusal (400 with reasons) starts and stores nothing. */
    @Transactional
    public Registered register(ComplaintRequest given) {
        ComplaintRequest request = resolved(given);
        List<String> problems = problems(request, ClockUtil.getCurrentTime());
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

    /** The first service task: stores the complaint from the process variables and sets the typed variables. */
    public void store(DelegateExecution execution) {
        ComplaintRequest request = resolved(fromVariables(execution));
        Date now = ClockUtil.getCurrentTime();
        List<String> problems = problems(request, now);
        if (!problems.isEmpty()) {
            throw new ComplaintRefusedException(problems);
        }
        String complaintId = (String) execution.getVariable(ComplaintProcess.COMPLAINT_ID);
        if (complaintId == null) {
            complaintId = newComplaintId();
            execution.setVariable(ComplaintProcess.COMPLAINT_ID, complaintId);
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(complaintId);
        }
        Object given = execution.getVariable(ComplaintProcess.REGISTERED_AT);
        Date registeredAt = given instanceof Date d ? d : now;
        Route route = Route.parse(request.addressee());
        ReceivedBy receivedBy = ReceivedBy.parse(request.receivedBy());
        boolean direct = receivedBy == ReceivedBy.REVIEWING_BODY;
        Date dueAt = workingDays.deadline(registeredAt, direct ? terms.reviewingBodyWorkingDays()
                : route == Route.HEAD_OF_PROVIDER ? terms.headDecisionWorkingDays() : terms.forwardingWorkingDays());
        if (!complaints.exists(complaintId)) {
            complaints.insert(complaintId, request, PhoneNumbers.normalise(request.applicantPhone()).orElse(null),
                    registeredAt, dueAt);
        }
        execution.setVariable(ComplaintProcess.REGISTERED_AT, Variables.dateValue(registeredAt));
        execution.setVariable(ComplaintProcess.FORWARDING_DEADLINE_MISSED, Variables.booleanValue(false));
        execution.setVariable(ComplaintProcess.PROVIDER_DEADLINE, Variables.stringValue(
                dueAt.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().format(DateTimeFormatter.ISO_DATE)));
        execution.setVariable("serviceCode", request.serviceCode().trim());
        execution.setVariable(ComplaintProcess.ADDRESSEE, request.addressee());
        execution.setVariable("reviewingBody", request.reviewingBody());
        execution.setVariable(ComplaintProcess.RECEIVED_BY, receivedBy.name());
        if (direct) {
            // received directly by the reviewing body: its 15 working days run from this registration
            execution.setVariable(ComplaintProcess.REVIEWING_BODY_COUNT_START, Variables.dateValue(registeredAt));
            execution.setVariable(ComplaintProcess.REVIEWING_BODY_DEADLINE, Variables.stringValue(day(dueAt)));
        }
        execution.setVariable(ComplaintProcess.DECISION_DEADLINE,
                Variables.stringValue(day(review.decisionDeadline(route, receivedBy, registeredAt))));
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

    static ComplaintRequest fromVariables(DelegateExecution execution) {
        String attachments = string(execution, "attachments");
        return new ComplaintRequest(string(execution, "applicantId"), string(execution, "applicantName"),
                string(execution, "applicantPhone"), string(execution, "applicantEmail"),
                string(execution, "serviceCode"), string(execution, "providerBin"), string(execution, "appealedKind"),
                string(execution, "appealedText"), string(execution, "demands"),
                attachments == null || attachments.isBlank() ? List.of()
                        : Arrays.stream(attachments.split("\\R")).filter(s -> !s.isBlank()).toList(),
                string(execution, ComplaintProcess.ADDRESSEE), string(execution, "reviewingBody"), null,
                string(execution, ComplaintProcess.RECEIVED_BY));
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String newComplaintId() {
        return "CMP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
