package kz.health.sanepid.complaint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.notification.NotificationPort;
import org.springframework.stereotype.Service;

/** Forwarding, decision and the applicant's notice (004 App.2 item 19; APPK art. 91(4)). */
@Service
public class ComplaintReview {

    /** Where the reviewing body's term ({@link ComplaintTerms#reviewingBodyWorkingDays()}) is counted from. */
    public enum CountFrom { PROVIDER_REGISTRATION, FORWARDED }

    public record Forwarded(Date countStart, Date dueAt) {
    }

    private final Complaints complaints;
    private final WorkingDayCalendar workingDays;
    private final NotificationPort notifications;
    private final ComplaintTerms terms;
    private final Clock clock;

    public ComplaintReview(Complaints complaints, WorkingDayCalendar workingDays, NotificationPort notifications,
            ComplaintTerms terms, Clock clock) {
        this.complaints = complaints;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.terms = terms;
        this.clock = clock;
    }

    /** The provider forwards the complaint with the administrative case; the reviewing body's term starts. */
    public Forwarded forward(String complaintId, Date registeredAt, String caseDocuments) {
        if (ComplaintValidator.blank(caseDocuments)) {
            throw new ComplaintRefusedException(List.of(
                    "caseDocuments: list the documents of the administrative case sent with the complaint"));
        }
        Date now = Date.from(clock.instant());
        Date countStart = terms.reviewingBodyCountFrom() == CountFrom.FORWARDED ? now : registeredAt;
        Date dueAt = workingDays.deadline(countStart, terms.reviewingBodyWorkingDays());
        complaints.markForwarded(complaintId, now, caseDocuments.strip(), dueAt);
        return new Forwarded(countStart, dueAt);
    }

    /**
     * Records the decision on the complaint addressed by {@code route} and closes the case. On the reviewing-body
     * route a provider whose {@code providerAction} fully satisfied the demands within 3 working days decided
     * SATISFIED_IN_FULL itself (004 App.2 item 19); otherwise the one who decided is the route's.
     */
    public DecisionKind decide(String complaintId, Route route, String providerAction, String decision,
                               String reasons) {
        boolean providerSatisfied = ComplaintProcess.ACTION_FULLY_SATISFIED.equals(providerAction);
        return decide(complaintId, providerSatisfied ? DecisionKind.SATISFIED_IN_FULL.name() : decision, reasons,
                route == Route.REVIEWING_BODY && !providerSatisfied ? "REVIEWING_BODY" : "PROVIDER");
    }

    /** Records the decision and closes the case; a missing kind or reason refuses the task's completion. */
    DecisionKind decide(String complaintId, String decision, String reasons, String decidedBy) {
        List<String> problems = new ArrayList<>();
        DecisionKind kind = DecisionKind.parse(decision);
        if (kind == null) {
            problems.add("decision: must be SATISFIED_IN_FULL, SATISFIED_IN_PART or REJECTED");
        }
        if (ComplaintValidator.blank(reasons)) {
            problems.add("decisionReasons: the reasons of the decision are required");
        }
        if (!problems.isEmpty()) {
            throw new ComplaintRefusedException(problems);
        }
        complaints.close(complaintId, kind, reasons.strip(), decidedBy);
        return kind;
    }

    /**
     * The day the decision is due, as the applicant is told at registration (004 App.2 item 19): 5 working days at
     * the provider; 15 at the reviewing body from the registration (with the FORWARDED count, from the forwarding,
     * which comes at the latest 3 working days after registration: the latest day is given).
     */
    public Date decisionDeadline(Route route, ReceivedBy receivedBy, Date registeredAt) {
        if (receivedBy == ReceivedBy.REVIEWING_BODY) {
            return workingDays.deadline(registeredAt, terms.reviewingBodyWorkingDays());
        }
        if (route == Route.HEAD_OF_PROVIDER) {
            return workingDays.deadline(registeredAt, terms.headDecisionWorkingDays());
        }
        Date countStart = terms.reviewingBodyCountFrom() == CountFrom.FORWARDED
                ? workingDays.deadline(registeredAt, terms.forwardingWorkingDays()) : registeredAt;
        return workingDays.deadline(countStart, terms.reviewingBodyWorkingDays());
    }

    /** Tells the applicant the complaint's number and the day its decision is due, by SMS or e-mail (kk, ru). */
    public void notifyRegistered(String complaintId, String decisionDeadline) {
        Complaints.Complaint c = complaints.find(complaintId).orElseThrow();
        boolean reviewingBody = ReceivedBy.REVIEWING_BODY.name().equals(c.receivedBy());
        notifyApplicant(c, ":registered", "registration",
                ComplaintNotices.registrationSms(complaintId, decisionDeadline, reviewingBody),
                ComplaintNotices.registrationEmail(complaintId, decisionDeadline, reviewingBody));
    }

    /**
     * Tells the applicant the decision by SMS (a +7 number) or e-mail, in Kazakh and Russian; after a provider-level
     * decision, where to complain next (the reviewing body), after the reviewing body's, the court.
     */
    public void notifyApplicant(String complaintId) {
        Complaints.Complaint c = complaints.find(complaintId).orElseThrow();
        DecisionKind kind = DecisionKind.valueOf(c.decision());
        boolean preTrialDone = !"PROVIDER".equals(c.decidedBy());
        notifyApplicant(c, ":decision", "decision", ComplaintNotices.decisionSms(complaintId, kind, preTrialDone),
                ComplaintNotices.decisionEmail(complaintId, kind, c.decisionReasons(), preTrialDone));
    }

    private void notifyApplicant(Complaints.Complaint c, String keySuffix, String what, String sms, String email) {
        boolean bySms = c.applicantPhone() != null;
        if (notifications.notifyApplicant(c.complaintId() + keySuffix, bySms ? c.applicantPhone() : c.applicantEmail(),
                ComplaintNotices.decisionSubject(c.complaintId()), bySms ? sms : email)) {
            complaints.event(c.complaintId(), Complaints.EventKind.NOTIFIED, what + " " + (bySms ? "SMS" : "EMAIL"));
        }
    }
}
