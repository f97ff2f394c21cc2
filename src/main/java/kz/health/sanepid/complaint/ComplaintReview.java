package kz.health.sanepid.complaint;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.notification.NotificationPort;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Forwarding, decision and the applicant's notice (004 App.2 item 19; APPK art. 91(4)). */
@Service
public class ComplaintReview {

    /** The reviewing body's term: 15 working days (004 App.2 item 19). */
    public static final int REVIEWING_BODY_DAYS = 15;

    /** Where the reviewing body's 15 working days are counted from. */
    public enum CountFrom { PROVIDER_REGISTRATION, FORWARDED }

    public record Forwarded(Date countStart, Date dueAt) {
    }

    private final Complaints complaints;
    private final WorkingDayCalendar workingDays;
    private final NotificationPort notifications;
    private final CountFrom countFrom;

    public ComplaintReview(Complaints complaints, WorkingDayCalendar workingDays, NotificationPort notifications,
            @Value("${sanepid.complaint.reviewing-body-count-from:PROVIDER_REGISTRATION}") CountFrom countFrom) {
        this.complaints = complaints;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.countFrom = countFrom;
    }

    /** The provider forwards the complaint with the administrative case; the reviewing body's term starts. */
    public Forwarded forward(String complaintId, Date registeredAt, String caseDocuments) {
        if (ComplaintValidator.blank(caseDocuments)) {
            throw new ComplaintRefusedException(List.of(
                    "caseDocuments: list the documents of the administrative case sent with the complaint"));
        }
        Date now = ClockUtil.getCurrentTime();
        Date countStart = countFrom == CountFrom.FORWARDED ? now : registeredAt;
        Date dueAt = workingDays.deadline(countStart, REVIEWING_BODY_DAYS);
        complaints.markForwarded(complaintId, now, caseDocuments.strip(), dueAt);
        return new Forwarded(countStart, dueAt);
    }

    /** Records the decision and closes the case; a missing kind or reason refuses the task's completion. */
    public DecisionKind decide(String complaintId, String decision, String reasons, String decidedBy) {
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

    /** Tells the applicant the decision by SMS (a +7 number) or e-mail, in Kazakh and Russian. */
    public void notifyApplicant(String complaintId) {
        Complaints.Complaint c = complaints.find(complaintId).orElseThrow();
        DecisionKind kind = DecisionKind.valueOf(c.decision());
        boolean sms = c.applicantPhone() != null;
        String body = sms ? ComplaintNotices.decisionSms(complaintId, kind)
                : ComplaintNotices.decisionEmail(complaintId, kind, c.decisionReasons());
        if (notifications.notifyApplicant(complaintId + ":decision", sms ? c.applicantPhone() : c.applicantEmail(),
                ComplaintNotices.decisionSubject(complaintId), body)) {
            complaints.event(complaintId, Complaints.EventKind.NOTIFIED, sms ? "SMS" : "EMAIL");
        }
    }
}
