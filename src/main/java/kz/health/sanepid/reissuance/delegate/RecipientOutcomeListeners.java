package kz.health.sanepid.reissuance.delegate;

import kz.health.sanepid.reissuance.RecipientOutcome;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The end events' listeners of sdu-reissuance-recipient, one named bean per outcome; the diagram's
 * {@code <camunda:executionListener delegateExpression="${sduOutcomeNoPhone}" event="start"/>} replaces the former
 * {@code ${sduLedger.finish(execution, 'NO_PHONE')}}, whose string was checked only when it ran. The element
 * templates {@code element-templates/sdu-outcome-*.json} set them.
 */
@Configuration(proxyBeanMethods = false)
public class RecipientOutcomeListeners {

    /** 004 App.2 item 6.1: missing or dead. */
    @Bean
    FinishRecipientListener sduOutcomeExcludedMissingOrDead(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.EXCLUDED_MISSING_OR_DEAD);
    }

    /** 004 App.2 item 6.2: abroad. */
    @Bean
    FinishRecipientListener sduOutcomeExcludedAbroad(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.EXCLUDED_ABROAD);
    }

    /** 004 App.2 item 6.3: legally incapable. */
    @Bean
    FinishRecipientListener sduOutcomeExcludedIncapable(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.EXCLUDED_INCAPABLE);
    }

    /** 004 App.2 item 6.4: imprisoned. */
    @Bean
    FinishRecipientListener sduOutcomeExcludedImprisoned(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.EXCLUDED_IMPRISONED);
    }

    /** 004 App.2 item 10: no number in the mobile citizens' base. */
    @Bean
    FinishRecipientListener sduOutcomeNoPhone(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.NO_PHONE);
    }

    /** 004 App.2 item 14: no reply after the second SMS. */
    @Bean
    FinishRecipientListener sduOutcomeNoReply(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.NO_REPLY);
    }

    /** 004 App.2 item 15: replied 2. */
    @Bean
    FinishRecipientListener sduOutcomeRefused(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.REFUSED);
    }

    /** Law 94-V art. 8: the consent was refused or expired. */
    @Bean
    FinishRecipientListener sduOutcomeConsentRefused(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.CONSENT_REFUSED);
    }

    /** Law 94-V art. 8(2): the consent was revoked before the re-issue. */
    @Bean
    FinishRecipientListener sduOutcomeConsentRevoked(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.CONSENT_REVOKED);
    }

    /** Joint order item 8: the pilot ended before the resend, the consent or the re-issue. */
    @Bean
    FinishRecipientListener sduOutcomePilotEnded(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.PILOT_ENDED);
    }

    /** 004 App.2 item 18: re-issued and delivered to the cabinet. */
    @Bean
    FinishRecipientListener sduOutcomeReissued(SduLedger ledger) {
        return new FinishRecipientListener(ledger, RecipientOutcome.REISSUED);
    }
}
