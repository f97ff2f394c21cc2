package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the typed facts of a consent from the variables of a {@code personal-data-consent} instance. */
final class ConsentVariables {

    private ConsentVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static ConsentFacts facts(VariableScope scope, RespondentGround ground, String legalGround) {
        String respondent = text(scope, RESPONDENT_IIN);
        String until = text(scope, VALID_UNTIL);
        return new ConsentFacts(text(scope, CONSENT_RECORD_ID), text(scope, SUBJECT_IIN), respondent, ground,
                legalGround, text(scope, OPERATOR_BIN), text(scope, REQUESTER_KIND), text(scope, PURPOSE),
                text(scope, DATA_CATEGORIES), Boolean.TRUE.equals(scope.getVariable(MEDICAL_SECRECY)),
                text(scope, CHANNEL), text(scope, CONSENT_REQUEST_ID),
                until == null || until.isBlank() ? null : LocalDate.parse(until));
    }

    /** The facts once a respondent has been chosen (asking the subject or a representative). */
    static ConsentFacts askedFacts(VariableScope scope) {
        return facts(scope, RespondentGround.valueOf(text(scope, RESPONDENT_GROUND)), null);
    }
}
