package kz.health.sanepid.reissuance;

import java.time.Instant;

/**
 * A recipient and permit collected by a run (items 3-5). {@code offerKey} names the offer itself - recipient,
 * permit and the name change that caused it - so the same offer is never made twice, whatever the run.
 */
public record Candidate(String runId, String recipientIin, String holderId, String holderKind, String newHolderName,
                        String permitId, String nameChangeRef, Instant nameChangedAt) {

    public String businessKey() {
        return businessKey(runId, recipientIin, permitId);
    }

    public String offerKey() {
        return recipientIin + ":" + permitId + ":" + nameChangeRef;
    }

    public static String businessKey(String runId, String recipientIin, String permitId) {
        return runId + ":" + recipientIin + ":" + permitId;
    }
}
