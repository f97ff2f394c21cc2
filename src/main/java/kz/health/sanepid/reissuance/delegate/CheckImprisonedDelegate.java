package kz.health.sanepid.reissuance.delegate;

import java.util.Optional;

import kz.health.sanepid.reissuance.RecipientEligibility;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.stereotype.Component;

/** Task_CheckImprisoned: criterion 6.4 of 004 App.2 item 6. */
@Component("sduCheckImprisoned")
public class CheckImprisonedDelegate extends CriterionDelegate {

    private final RecipientEligibility eligibility;

    public CheckImprisonedDelegate(RecipientEligibility eligibility, SduLedger ledger) {
        super(ledger);
        this.eligibility = eligibility;
    }

    @Override
    Optional<String> check(String businessKey, String recipientIin) {
        return eligibility.imprisoned(businessKey, recipientIin);
    }
}
