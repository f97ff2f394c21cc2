package kz.health.sanepid.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The decisions analysts edit, evaluated on their own with the DMN engine: every ground and the defaults. */
class ConsentDecisionsTest {

    static DmnEngine engine;
    static DmnDecision legalBasis;
    static DmnDecision revocationCheck;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        legalBasis = parse("processes/consent-legal-basis.dmn", ConsentProcess.LEGAL_BASIS_DECISION);
        revocationCheck = parse("processes/consent-revocation-check.dmn", ConsentProcess.REVOCATION_CHECK_DECISION);
    }

    static DmnDecision parse(String resource, String id) throws Exception {
        try (InputStream in = ConsentDecisionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return engine.parseDecision(id, in);
        }
    }

    static String ground(String requesterKind, boolean medicalSecrecy, String claim) {
        VariableMap vars = Variables.createVariables().putValue("requesterKind", requesterKind)
                .putValue("medicalSecrecy", medicalSecrecy).putValue("legalGround", claim);
        return engine.evaluateDecisionTable(legalBasis, vars).getSingleResult().getSingleEntry();
    }

    static Stream<Arguments> everyGround() {
        return Stream.of(
                // Law 94-V art. 9 items 1-4 (data without medical secrecy)
                Arguments.of("LAW_ENFORCEMENT", false, null, LegalGround.LAW94_9_1_ENFORCEMENT),
                Arguments.of("COURT", false, null, LegalGround.LAW94_9_1_ENFORCEMENT),
                Arguments.of("AUTHORISED_STATE_BODY", false, "ADMINISTRATIVE_OR_ENFORCEMENT_CASE",
                        LegalGround.LAW94_9_1_ENFORCEMENT),
                Arguments.of("STATE_STATISTICS", false, null, LegalGround.LAW94_9_2_STATE_STATISTICS),
                Arguments.of("STATE_BODY", false, "DEPERSONALISED_STATISTICS",
                        LegalGround.LAW94_9_3_DEPERSONALISED_STATISTICS),
                Arguments.of("INTERNATIONAL_TREATY", false, null, LegalGround.LAW94_9_4_INTERNATIONAL_TREATY),
                // Health Code art. 95(4) sub-items 1-5 (medical secrecy)
                Arguments.of("MEDICAL_ORGANISATION", true, "PATIENT_UNABLE_TO_EXPRESS_WILL",
                        LegalGround.HC95_4_1_PATIENT_UNABLE),
                Arguments.of("SANITARY_EPIDEMIOLOGICAL_SERVICE", true, "DANGEROUS_DISEASE_THREAT",
                        LegalGround.HC95_4_2_DANGEROUS_DISEASE),
                Arguments.of("BLOOD_SERVICE", true, "DANGEROUS_DISEASE_THREAT", LegalGround.HC95_4_2_DANGEROUS_DISEASE),
                Arguments.of("PROSECUTOR", true, "INVESTIGATION_OR_TRIAL", LegalGround.HC95_4_3_INVESTIGATION_OR_TRIAL),
                Arguments.of("ADVOCATE", true, "INVESTIGATION_OR_TRIAL", LegalGround.HC95_4_3_INVESTIGATION_OR_TRIAL),
                Arguments.of("MEDICAL_ORGANISATION", true, "INFORM_LEGAL_REPRESENTATIVE",
                        LegalGround.HC95_4_4_INFORM_REPRESENTATIVE),
                Arguments.of("MEDICAL_ORGANISATION", true, "HARM_BY_UNLAWFUL_ACTS", LegalGround.HC95_4_5_UNLAWFUL_HARM));
    }

    @ParameterizedTest(name = "{0}, medical={1}, claim={2} -> {3}")
    @MethodSource("everyGround")
    void eachGroundOfArticle9AndArticle95Item4(String kind, boolean medical, String claim, LegalGround expected) {
        assertThat(ground(kind, medical, claim)).isEqualTo(expected.name());
        assertThat(expected.withoutConsent()).isTrue();
    }

    @ParameterizedTest(name = "{0}, medical={1}, claim={2} -> consent required")
    @CsvSource(nullValues = "null", value = {
            "OPERATOR,false,null",
            "OPERATOR,true,DANGEROUS_DISEASE_THREAT",
            // art. 9 grounds do not lift medical secrecy (art. 95(3))
            "STATE_STATISTICS,true,null",
            "LAW_ENFORCEMENT,true,null",
            "INTERNATIONAL_TREATY,true,null",
            // a state body's statistics only when depersonalised; an authorised body only in its cases
            "STATE_BODY,false,null",
            "AUTHORISED_STATE_BODY,false,null",
            // a claim that does not fit the requester
            "MEDICAL_ORGANISATION,true,INVESTIGATION_OR_TRIAL",
            "MEDICAL_ORGANISATION,false,PATIENT_UNABLE_TO_EXPRESS_WILL"})
    void otherwiseConsentIsRequired(String kind, boolean medical, String claim) {
        assertThat(ground(kind, medical, claim)).isEqualTo(LegalGround.CONSENT_REQUIRED.name());
    }

    @Test
    void everyOutputOfTheDecisionIsAKnownGround() {
        String xml = new String(readAll("processes/consent-legal-basis.dmn"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Arrays.stream(LegalGround.values()).map(Enum::name)).allMatch(xml::contains);
        assertThat(xml.split("<description>Law 94-V art. 9 item").length - 1).isGreaterThanOrEqualTo(4);
        assertThat(xml.split("<description>Health Code art. 95\\(4\\) sub-item").length - 1).isEqualTo(5);
    }

    @ParameterizedTest(name = "statutory={0}, obligations={1} -> {2}")
    @CsvSource({"0,0,NONE", "0,1,UNFULFILLED_OBLIGATION", "1,0,LAW_REQUIRES_PROCESSING", "2,3,LAW_REQUIRES_PROCESSING"})
    void revocationIsBarredByALawOrAnUnfulfilledObligation(int statutory, int obligations, String bar) {
        VariableMap vars = Variables.createVariables().putValue("statutoryRequirements", statutory)
                .putValue("openObligations", obligations);
        assertThat(engine.evaluateDecisionTable(revocationCheck, vars).getSingleResult().<String>getSingleEntry())
                .isEqualTo(bar);
    }

    private static byte[] readAll(String resource) {
        try (InputStream in = ConsentDecisionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
