package kz.health.sanepid.reissuance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contesting a registry's answer (004 App.2 items 8, 17: the owner of each source answers for its data). A recipient
 * excluded on an item-6 answer may be offered again when the registry now answers otherwise: the criterion is read
 * again (recorded like every answer), and a new offer is started in a run of its own, with the offer key of the
 * name change marked {@code :REOFFER}. That is the only way around one-offer-per-name-change, once per exclusion,
 * recorded with the specialist's reason in {@code sdu_reoffer}. Refusals write nothing (the transaction rolls back).
 */
@Service
public class ReOffers {

    private final SduLedger ledger;
    private final RecipientEligibility eligibility;
    private final RunLifecycle runs;
    private final StartRecipients starter;
    private final JdbcTemplate jdbc;
    private final org.camunda.bpm.engine.IdentityService identityService;

    public ReOffers(SduLedger ledger, RecipientEligibility eligibility, RunLifecycle runs, StartRecipients starter,
                    JdbcTemplate jdbc, @org.springframework.context.annotation.Lazy org.camunda.bpm.engine.IdentityService identityService) {
        this.identityService = identityService;
        this.ledger = ledger;
        this.eligibility = eligibility;
        this.runs = runs;
        this.starter = starter;
        this.jdbc = jdbc;
    }

    /** Why nothing was offered; {@code unknown} when there is no such recipient. */
    public static class Refused extends RuntimeException {
        private final boolean unknown;
        private final List<String> reasons;

        Refused(boolean unknown, String message, List<String> reasons) {
            super(message);
            this.unknown = unknown;
            this.reasons = List.copyOf(reasons);
        }

        public boolean unknown() {
            return unknown;
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    @Transactional
    public String reOffer(String businessKey, String reason, String specialist) {
        SduLedger.Recipient excluded = ledger.recipient(businessKey)
                .orElseThrow(() -> new Refused(true, "no such recipient", List.of()));
        String pilotEnded = runs.pilotEndedProblem();
        if (pilotEnded != null) {
            throw new Refused(false, "the pilot has ended; nothing is offered", List.of(pilotEnded));
        }
        Optional<String> still = switch (excluded.outcome()) {
            case EXCLUDED_MISSING_OR_DEAD -> eligibility.missingOrDead(businessKey, excluded.recipientIin());
            case EXCLUDED_ABROAD -> eligibility.abroad(businessKey, excluded.recipientIin());
            case EXCLUDED_INCAPABLE -> eligibility.incapable(businessKey, excluded.recipientIin());
            case EXCLUDED_IMPRISONED -> eligibility.imprisoned(businessKey, excluded.recipientIin());
            default -> throw new Refused(false, "only a recipient excluded on a registry's answer"
                    + " (item 6) may be offered again", List.of("outcome: " + excluded.outcome()));
        };
        if (still.isPresent()) {
            throw new Refused(false, "the registry still answers the same; nothing is offered",
                    List.of(still.get()));
        }
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_reoffer WHERE excluded_business_key = ?",
                Integer.class, businessKey);
        if (before != null && before > 0) {
            throw new Refused(false, "this exclusion was re-offered before", List.of());
        }
        String runId = runs.newRunId();
        ledger.openRun(runId, null, specialist, null);
        String changeRef = excluded.offerKey().split(":", 3)[2] + ":REOFFER";
        Candidate again = new Candidate(runId, excluded.recipientIin(), excluded.holderId(), excluded.holderKind(),
                excluded.newHolderName(), excluded.permitId(), changeRef, excluded.nameChangedAt());
        if (ledger.insertCandidates(List.of(again)) != 1) {
            throw new Refused(false, "this exclusion was re-offered before", List.of());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("excluded_business_key", businessKey);
        row.put("new_business_key", again.businessKey());
        row.put("excluded_outcome", excluded.outcome().name());
        row.put("reason", reason);
        row.put("requested_by", specialist);
        row.put("requested_at", ledger.now());
        InsertOnce.insert(jdbc, "sdu_reoffer", "excluded_business_key", row);
        // the specialist's right is checked at the API; the instance is the application's, started as the run's batch
        // jobs start theirs (specialists may not start recipient instances through /engine-rest)
        org.camunda.bpm.engine.impl.identity.Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            starter.startBatch(runId, 1);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        ledger.startedAll(runId);
        return again.businessKey();
    }
}
