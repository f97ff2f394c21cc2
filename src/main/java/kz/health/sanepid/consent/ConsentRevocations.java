package kz.health.sanepid.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A subject's revocation of a consent (Law 94-V art. 8): checked, recorded once, and announced to the processes
 * that rely on that consent.
 */
@Component
public class ConsentRevocations {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRevocations.class);

    private final ConsentRecords records;
    private final ConsentObligations obligations;
    private final RuntimeService runtimeService;

    public ConsentRevocations(ConsentRecords records, ConsentObligations obligations, RuntimeService runtimeService) {
        this.records = records;
        this.obligations = obligations;
        this.runtimeService = runtimeService;
    }

    /** The facts the decision consent-revocation-check weighs: counts of each kind of bar, and their list. */
    public record Bars(int openObligations, int statutoryRequirements, String listed) {
    }

    /**
     * Starts {@code personal-data-consent-revocation} for the subject's consent (Law 94-V art. 8), with the consent
     * id as business key; returns the instance id. Refused (nothing starts): a channel not given as a code or a
     * reason over 500 characters (invalid), a consent that is not the subject's or not granted now
     * ({@link #revocable}), or a revocation of it already under way (conflict).
     */
    public String start(String consentId, String subjectIin, String channel, String reason) {
        List<String> problems = new java.util.ArrayList<>();
        if (channel == null || !channel.matches("^[A-Z][A-Z0-9_]{1,39}$")) {
            problems.add("channel: a code such as WRITTEN, STATE_SERVICE, EGOV is required");
        }
        if (reason != null && reason.length() > 500) {
            problems.add("reason: at most 500 characters");
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        revocable(consentId, subjectIin);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ConsentProcess.REVOCATION_PROCESS_ID)
                .processInstanceBusinessKey(consentId).count() > 0) {
            throw Refusal.conflict("a revocation of this consent is already under way");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ConsentProcess.CONSENT_RECORD_ID, consentId);
        variables.put(ConsentProcess.SUBJECT_IIN, subjectIin);
        variables.put(ConsentProcess.REVOCATION_CHANNEL, channel);
        variables.put(ConsentProcess.REVOCATION_REASON, reason);
        return runtimeService.startProcessInstanceByKey(ConsentProcess.REVOCATION_PROCESS_ID, consentId, variables)
                .getId();
    }

    /** The consent to revoke: it exists, is the subject's, and is granted now; otherwise nothing starts. */
    public ConsentHistory revocable(String consentId, String subjectIin) {
        List<String> problems = new java.util.ArrayList<>();
        if (consentId == null || !consentId.matches("^[0-9a-fA-F-]{36}$")) {
            problems.add("consentRecordId: must be a consent id");
        }
        String iinProblem = IdentificationNumbers.iinProblem(subjectIin);
        if (iinProblem != null) {
            problems.add("subjectIin: " + iinProblem);
        }
        if (!problems.isEmpty()) {
            throw InvalidConsentRequestException.invalid(problems);
        }
        ConsentHistory consent = records.consent(consentId)
                .filter(c -> c.facts().subjectIin().equals(subjectIin))
                .orElseThrow(() -> InvalidConsentRequestException.invalid(List.of("consentRecordId: the subject has no such consent")));
        if (consent.status() != ConsentEventType.GRANTED) {
            throw InvalidConsentRequestException.conflict("only a granted consent can be revoked; this one is "
                    + consent.status());
        }
        return consent;
    }

    /** What bars the revocation of the consent: its subject's open obligations and statutory requirements. */
    public Bars bars(String consentId) {
        ConsentHistory consent = records.consent(consentId).orElseThrow();
        List<ConsentObligations.Obligation> bars =
                obligations.open(consent.facts().subjectIin(), consent.facts().operatorBin());
        return new Bars(
                (int) bars.stream().filter(b -> b.kind() == ConsentObligations.Kind.UNFULFILLED_OBLIGATION).count(),
                (int) bars.stream().filter(b -> b.kind() == ConsentObligations.Kind.STATUTORY_REQUIREMENT).count(),
                bars.stream().map(b -> b.kind() + ": " + b.description()
                                + (b.legalReference() == null ? "" : " (" + b.legalReference() + ")"))
                        .collect(Collectors.joining("\n")));
    }

    /**
     * Records the revocation: by the reviewing officer when an officer reviewed it, otherwise by the subject through
     * the initiating channel.
     */
    public void recordRevoked(String consentId, String revocationId, String channel, String reviewingOfficer,
                              String initiator, String note) {
        String by = reviewingOfficer != null ? reviewingOfficer : "subject via " + initiator;
        ConsentHistory consent = records.consent(consentId).orElseThrow();
        records.append(consentId + ":REVOKED", ConsentEventType.REVOKED, consent.facts().withChannel(channel), by, note);
    }

    /** Records the officer's refusal of the revocation, with the bar that stood in its way and the officer's reason. */
    public void recordRevocationRefused(String consentId, String revocationId, String channel, String by, String bar,
                                        String comment) {
        String note = bar + ": " + comment;
        ConsentHistory consent = records.consent(consentId).orElseThrow();
        records.append(consentId + ":REVOCATION_REFUSED:" + revocationId, ConsentEventType.REVOCATION_REFUSED,
                consent.facts().withChannel(channel), by, note);
    }

    /**
     * Tells the processes that rely on <b>this</b> consent (process variable {@code consentRecordId} = the consent's
     * id, as the call of {@code personal-data-consent} returns it) that it is gone, so they stop using the data; a
     * process of the same subject relying on another consent (another operator or purpose) goes on (Law 94-V art. 8,
     * 14: a consent covers the purpose it was given for; 004 item 4.2, App.2 item 18). Returns how many were told.
     */
    public int announce(String consentId) {
        String subjectIin = records.consent(consentId).orElseThrow().facts().subjectIin();
        List<MessageCorrelationResult> told = runtimeService.createMessageCorrelation(ConsentProcess.MESSAGE_REVOKED)
                .processInstanceVariableEquals(ConsentProcess.RELYING_CONSENT_ID, consentId)
                .setVariable("revokedConsentId", consentId)
                .correlateAllWithResult();
        LOG.info("consent {} revoked for subject {}: {} relying process(es) told", consentId,
                IdentificationNumbers.mask(subjectIin), told.size());
        return told.size();
    }
}
