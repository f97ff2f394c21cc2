package kz.health.sanepid.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A consent as its journal tells it: the status is that of the latest event that changes the status. */
public record ConsentHistory(String consentId, List<ConsentEvent> events) {

    public ConsentHistory {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a consent has at least one event");
        }
        events = List.copyOf(events);
    }

    public ConsentEventType status() {
        ConsentEventType status = events.get(0).type();
        for (ConsentEvent e : events) {
            if (e.type().changesStatus()) {
                status = e.type();
            }
        }
        return status;
    }

    /** The latest facts (respondent, evidence and validity as last recorded). */
    public ConsentFacts facts() {
        return ConsentFacts.of(events.get(events.size() - 1));
    }

    /** Granted, and its validity (if any) has not ended before {@code day}. */
    public boolean grantedOn(LocalDate day) {
        LocalDate until = facts().validUntil();
        return status() == ConsentEventType.GRANTED && (until == null || !until.isBefore(day));
    }

    /**
     * Covers a new request: granted on the day, to the same operator, for the same declared purpose (art. 14: data
     * are used only for the purposes declared at collection), and for every category asked.
     */
    public boolean covers(String operatorBin, String purpose, Set<DataCategory> categories, LocalDate day) {
        ConsentFacts facts = facts();
        return grantedOn(day) && facts.operatorBin().equals(operatorBin) && facts.purpose().equals(purpose)
                && DataCategory.parse(facts.categories()).containsAll(categories);
    }
}
