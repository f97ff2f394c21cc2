package kz.health.sanepid.consent;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records the steps of a consent request in the journal, once each (the key is the consent id and the event). */
@Component
public class ConsentOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentOutcomes.class);
    /** Who records what the ДҚБ service reports. */
    public static final String CONSENT_SERVICE = "consent-service";
    public static final String SYSTEM = "system";

    private final ConsentRecords records;

    public ConsentOutcomes(ConsentRecords records) {
        this.records = records;
    }

    /** An answer of the ДҚБ service (or its absence): recorded with the time it was answered, when it was. */
    public void recordAnswer(ConsentEventType type, ConsentFacts facts, String recordedBy, Object answeredAt) {
        record(type, facts, recordedBy, answeredAt == null ? null : "answered at " + answeredAt);
    }

    public void record(ConsentEventType type, ConsentFacts facts, String recordedBy, String note) {
        boolean appended = records.append(facts.consentId() + ":" + type.name(), type, facts, recordedBy, note);
        if (appended) {
            LOG.info("consent {} {} for subject {}", facts.consentId(), type, IdentificationNumbers.mask(facts.subjectIin()));
        }
    }
}
