package kz.health.sanepid.synthetic;

import java.util.List;
import java.util.Map;

/**
 * What the generator wrote: counts by kind, and every recipient (one per permit held) with the outcome the
 * SDU algorithm should reach for them.
 */
public record GeneratedPopulation(int organisations, int organisationsWithoutPermit, int individuals,
                                  int individualsWithoutCertificate, List<Recipient> recipients) {

    public record Recipient(String recipientIin, String holderId, String permitId, String phone,
                            ExpectedOutcome expected) {
    }

    public Map<ExpectedOutcome, Long> expectedCounts() {
        Map<ExpectedOutcome, Long> counts = new java.util.EnumMap<>(ExpectedOutcome.class);
        for (ExpectedOutcome o : ExpectedOutcome.values()) {
            counts.put(o, 0L);
        }
        recipients.forEach(r -> counts.merge(r.expected(), 1L, Long::sum));
        return counts;
    }
}
