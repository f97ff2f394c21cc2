package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import java.util.List;
import java.util.stream.Collectors;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code personal-data-consent-revocation}, each a call of {@link ConsentRevocations}. */
@Configuration
public class RevocationDelegates {

    /** The consent exists, is the subject's and is granted (runs in the starter's transaction). */
    @Bean("validateRevocation")
    JavaDelegate validateRevocation(ConsentRevocations revocations) {
        return execution -> {
            ConsentHistory consent = revocations.revocable(ConsentVariables.text(execution, CONSENT_RECORD_ID),
                    ConsentVariables.text(execution, SUBJECT_IIN));
            execution.setVariable(SUBJECT_MASKED, IdentificationNumbers.mask(consent.facts().subjectIin()));
            execution.setVariable(OPERATOR_BIN, consent.facts().operatorBin());
            execution.setVariable(PURPOSE, consent.facts().purpose());
            execution.setVariable(DATA_CATEGORIES, consent.facts().categories());
        };
    }

    /** The facts the decision consent-revocation-check weighs: open obligations and statutory requirements. */
    @Bean("collectRevocationBars")
    JavaDelegate collectRevocationBars(ConsentRevocations revocations, ConsentRecords records) {
        return execution -> {
            ConsentHistory consent = records.consent(ConsentVariables.text(execution, CONSENT_RECORD_ID)).orElseThrow();
            List<ConsentObligations.Obligation> bars = revocations.bars(consent);
            execution.setVariable(OPEN_OBLIGATIONS, (int) bars.stream()
                    .filter(b -> b.kind() == ConsentObligations.Kind.UNFULFILLED_OBLIGATION).count());
            execution.setVariable(STATUTORY_REQUIREMENTS, (int) bars.stream()
                    .filter(b -> b.kind() == ConsentObligations.Kind.STATUTORY_REQUIREMENT).count());
            execution.setVariable(REVOCATION_BARS, bars.stream()
                    .map(b -> b.kind() + ": " + b.description() + (b.legalReference() == null ? "" : " (" + b.legalReference() + ")"))
                    .collect(Collectors.joining("\n")));
        };
    }

    @Bean("recordRevocation")
    JavaDelegate recordRevocation(ConsentRevocations revocations) {
        return execution -> {
            String by = ConsentVariables.text(execution, REVIEWING_OFFICER) != null
                    ? ConsentVariables.text(execution, REVIEWING_OFFICER)
                    : "subject via " + ConsentVariables.text(execution, REVOCATION_INITIATOR);
            revocations.recordRevoked(ConsentVariables.text(execution, CONSENT_RECORD_ID),
                    execution.getProcessInstanceId(), ConsentVariables.text(execution, REVOCATION_CHANNEL), by,
                    ConsentVariables.text(execution, REVOCATION_REASON));
            execution.setVariable(REVOCATION_OUTCOME, "REVOKED");
        };
    }

    @Bean("recordRevocationRefused")
    JavaDelegate recordRevocationRefused(ConsentRevocations revocations) {
        return execution -> {
            revocations.recordRevocationRefused(ConsentVariables.text(execution, CONSENT_RECORD_ID),
                    execution.getProcessInstanceId(), ConsentVariables.text(execution, REVOCATION_CHANNEL),
                    ConsentVariables.text(execution, REVIEWING_OFFICER),
                    ConsentVariables.text(execution, REVOCATION_BAR) + ": "
                            + ConsentVariables.text(execution, REVIEW_COMMENT));
            execution.setVariable(REVOCATION_OUTCOME, "REVOCATION_REFUSED");
        };
    }

    @Bean("announceConsentRevoked")
    JavaDelegate announceConsentRevoked(ConsentRevocations revocations) {
        return execution -> execution.setVariable("relyingProcessesTold",
                revocations.announce(ConsentVariables.text(execution, CONSENT_RECORD_ID)));
    }
}
