package kz.health.sanepid.reissuance.delegate;

import java.util.Optional;

import kz.health.sanepid.reissuance.RecipientEligibility;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.stereotype.Component;

/** Task_CheckAbroad: criterion 6.2 of 004 App.2 item 6. */
@Component("sduCheckAbroad")
public class CheckAbroadDelegate extends CriterionDelegate {

    private final RecipientEligibility eligibility;

    public CheckAbroadDelegate(RecipientEligibility eligibility, SduLedger ledger) {
        super(ledger);
        this.eligibility = eligibility;
    }

    @Override
    Optional<String> check(String businessKey, String recipientIin) {
        return eligibility.abroad(businessKey, recipientIin);
    }
}
