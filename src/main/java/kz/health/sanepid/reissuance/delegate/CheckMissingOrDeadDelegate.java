package kz.health.sanepid.reissuance.delegate;

import java.util.Optional;

import kz.health.sanepid.reissuance.RecipientEligibility;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.stereotype.Component;

/** Task_CheckMissingOrDead: criterion 6.1 of 004 App.2 item 6. */
@Component("sduCheckMissingOrDead")
public class CheckMissingOrDeadDelegate extends CriterionDelegate {

    private final RecipientEligibility eligibility;

    public CheckMissingOrDeadDelegate(RecipientEligibility eligibility, SduLedger ledger) {
        super(ledger);
        this.eligibility = eligibility;
    }

    @Override
    Optional<String> check(String businessKey, String recipientIin) {
        return eligibility.missingOrDead(businessKey, recipientIin);
    }
}
