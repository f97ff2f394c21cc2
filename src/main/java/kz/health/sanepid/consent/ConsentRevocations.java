package kz.health.sanepid.consent;

import java.util.List;

import kz.health.sanepid.idnumber.IdentificationNumbers;
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

    public List<ConsentObligations.Obligation> bars(ConsentHistory consent) {
        return obligations.open(consent.facts().subjectIin(), consent.facts().operatorBin());
    }

    public void recordRevoked(String consentId, String revocationId, String channel, String by, String note) {
        ConsentHistory consent = records.consent(consentId).orElseThrow();
        records.append(consentId + ":REVOKED", ConsentEventType.REVOKED, consent.facts().withChannel(channel), by, note);
    }

    public void recordRevocationRefused(String consentId, String revocationId, String channel, String by, String note) {
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
