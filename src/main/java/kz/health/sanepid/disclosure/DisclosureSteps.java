package kz.health.sanepid.disclosure;

import java.time.Clock;
import java.util.Date;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.idnumber.RandomKeys;
import kz.health.sanepid.security.CurrentUser;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;

/**
 * The steps of {@code medical-secrecy-disclosure} its delegates call (Health Code art. 95; 004 App.2 item 18): the
 * registration of a request, the review and the second approval (four eyes), the release or the refusal, and the
 * review deadline's reminder and escalation, each recorded in {@link Disclosures}. Knows no engine: the delegates read the variables and set the results.
 */
@Service
public class DisclosureSteps {

    /** The legal basis a release with the patient's consent is recorded under. */
    static final String CONSENT_BASIS = "CONSENT";
    static final String CONSENT_CLAUSE = "Health Code art. 95(3)";

    /** A registered request: its id, when it came, its review term and how the patient's consent is asked. */
    public record Registered(String id, Date receivedAt, int reviewWorkingDays, String consentOperatorBin,
                             String consentChannel) {
    }

    /** A release: the legal basis it was made on and the categories released. */
    public record Released(String legalBasis, String releasedCategories) {
    }

    private final Disclosures disclosures;
    private final DisclosureSettings settings;
    private final WorkingDayCalendar workingDays;
    private final CurrentUser currentUser;
    private final Clock clock;

    public DisclosureSteps(Disclosures disclosures, DisclosureSettings settings, WorkingDayCalendar workingDays,
                           CurrentUser currentUser, Clock clock) {
        this.disclosures = disclosures;
        this.settings = settings;
        this.workingDays = workingDays;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Registers the checked request under {@code id} (the business key; a new id when null) with its review
     * deadline in working days from configuration.
     */
    public Registered register(String id, String processInstanceId, DisclosureRequestInput request) {
        String disclosureId = id == null ? RandomKeys.uuid() : id;
        Date receivedAt = Date.from(clock.instant());
        int days = settings.reviewWorkingDays();
        Date dueAt = workingDays.deadline(receivedAt, days);
        disclosures.register(disclosureId, processInstanceId, receivedAt, currentUser.userId(), request, dueAt);
        return new Registered(disclosureId, receivedAt, days, settings.consentOperatorBin(request.requesterIdNumber()),
                settings.consentChannel());
    }

    /** Records the legal officer's review of the ground; returns the request's row as it now stands. */
    public Disclosures.Disclosure review(String id, String officer, String decision, String comment) {
        disclosures.recordReview(id, officer, Date.from(clock.instant()), decision, comment);
        return disclosures.find(id);
    }

    /**
     * Four eyes: the officer who confirmed the ground, as the request's row says (never the variable
     * {@code reviewedBy}, issue 14), may neither claim nor give the second approval.
     */
    public void requireSecondOfficer(String id, String officer) {
        if (officer != null && officer.equals(disclosures.find(id).reviewedBy())) {
            throw new FourEyesViolationException();
        }
    }

    /** Records the second approval, by another officer than the one who confirmed the ground. */
    public void recordApproval(String id, String officer, String decision, String comment) {
        requireSecondOfficer(id, officer);
        disclosures.recordApproval(id, officer, Date.from(clock.instant()), decision, comment);
    }

    /**
     * Releases the data: on a confirmed ground only the categories asked for and allowed by it (Health Code art.
     * 95(4); Law 94-V art. 12), with the patient's consent the categories asked for (art. 95(3)). Whether the ground
     * stands and which categories it allows are read from the request's row, never from process variables (issue
     * 14); without a ground or a granted consent nothing is released.
     */
    public Released release(String id, String consentOutcome, String consentRecordId) {
        Disclosures.Disclosure request = id == null ? null : disclosures.find(id);
        boolean onGround = request != null && request.groundStands();
        if (request == null || !onGround && !ConsentProcess.OUTCOME_GRANTED.equals(consentOutcome)) {
            throw new ProcessEngineException("disclosure " + id + ": no registered request with a confirmed ground"
                    + " or the patient's consent; nothing is released");
        }
        String basis = onGround ? request.proposedGround() : CONSENT_BASIS;
        String clause = onGround ? request.groundClause() : CONSENT_CLAUSE;
        String released = onGround ? MedicalCategory.format(request.releasable()) : request.categoriesRequested();
        String withheld = onGround ? MedicalCategory.format(request.withheld()) : "";
        disclosures.recordRelease(request.id(), Date.from(clock.instant()), basis, clause, released, withheld,
                consentOutcome, consentRecordId);
        return new Released(basis, released);
    }

    /**
     * No confirmed ground and no consent: nothing is released (Health Code art. 95(2)-(3)); returns the reason
     * recorded, from the consent's outcome. WITHOUT_CONSENT from the consent process is no consent of the patient.
     */
    public String refuse(String id, String consentOutcome, String consentRecordId) {
        String reason = switch (consentOutcome == null ? "" : consentOutcome) {
            case "REFUSED" -> "CONSENT_REFUSED";
            case "EXPIRED" -> "CONSENT_EXPIRED";
            default -> "CONSENT_NOT_OBTAINED";
        };
        disclosures.recordRefusal(id, Date.from(clock.instant()), reason, consentOutcome, consentRecordId);
        return reason;
    }

    /** The review's last day has come: recorded. */
    public void remindReview(String id) {
        disclosures.recordReminder(id, Date.from(clock.instant()));
    }

    /** The review's deadline has passed: recorded. */
    public void escalateReview(String id) {
        disclosures.recordEscalation(id, Date.from(clock.instant()));
    }
}
