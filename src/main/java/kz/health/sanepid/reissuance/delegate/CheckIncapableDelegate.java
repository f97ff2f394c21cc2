package kz.health.sanepid.reissuance.delegate;

import java.util.Optional;

import kz.health.sanepid.reissuance.RecipientEligibility;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.stereotype.Component;

/** Task_CheckIncapable: criterion 6.3 of 004 App.2 item 6. */
@Component("sduCheckIncapable")
public class CheckIncapableDelegate extends CriterionDelegate {

    private final RecipientEligibility eligibility;

    public CheckIncapableDelegate(RecipientEligibility eligibility, SduLedger ledger) {
        super(ledger);
        this.eligibility = eligibility;
    }

    @Override
    Optional<String> check(String businessKey, String recipientIin) {
        return eligibility.incapable(businessKey, recipientIin);
    }
}
