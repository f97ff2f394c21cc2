package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data-protection officer's decision on processing without consent, recorded with the officer's id. */
@Configuration
public class RecordOfficerDecisionDelegates {

    /** Law 94-V art. 9 / Health Code art. 95(4): processing goes ahead on the confirmed ground. */
    @Bean("recordProcessingWithoutConsent")
    JavaDelegate recordProcessingWithoutConsent(ConsentOutcomes outcomes) {
        return execution -> {
            outcomes.record(ConsentEventType.WITHOUT_CONSENT, ConsentVariables.facts(execution,
                            RespondentGround.NONE_LEGAL_GROUND, ConsentVariables.text(execution, CONFIRMED_GROUND)),
                    ConsentVariables.text(execution, DECIDING_OFFICER), ConsentVariables.text(execution, OFFICER_COMMENT));
            execution.setVariable(CONSENT_OUTCOME, OUTCOME_WITHOUT_CONSENT);
        };
    }

    /** The officer found no ground: recorded, and the subject is asked for consent (art. 7). */
    @Bean("recordLegalGroundRejected")
    JavaDelegate recordLegalGroundRejected(ConsentOutcomes outcomes) {
        return execution -> outcomes.record(ConsentEventType.LEGAL_GROUND_REJECTED, ConsentVariables.facts(execution,
                        RespondentGround.NONE_LEGAL_GROUND, ConsentVariables.text(execution, LEGAL_BASIS_GROUND)),
                ConsentVariables.text(execution, DECIDING_OFFICER), ConsentVariables.text(execution, OFFICER_COMMENT));
    }
}
