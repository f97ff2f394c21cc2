package kz.health.sanepid.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The decision medical-secrecy-ground: each ground of Health Code art. 95(4) and NONE (art. 95(3)). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MedicalSecrecyGroundDecisionTest {

    @Autowired
    DecisionService decisionService;

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // ground 1: a patient unable to express their will, examined and treated
            "MEDICAL_ORGANISATION | TREATMENT_PATIENT_UNABLE_TO_CONSENT | MEDICAL_REFERRAL | GROUND_1 | Health Code art. 95(4)(1) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT | false",
            // ground 2: threat of spreading dangerous diseases (the sanitary-epidemiological body as OTHER)
            "OTHER | DANGEROUS_DISEASE_THREAT | EPIDEMIOLOGICAL_NOTICE | GROUND_2 | Health Code art. 95(4)(2) | FACT_OF_CARE,DIAGNOSIS | false",
            "MEDICAL_ORGANISATION | DANGEROUS_DISEASE_THREAT | MEDICAL_REFERRAL | GROUND_2 | Health Code art. 95(4)(2) | FACT_OF_CARE,DIAGNOSIS | false",
            // ground 3: investigation bodies, prosecutor, advocate, court, each on its own document
            "INVESTIGATION_BODY | INVESTIGATION_OR_TRIAL | INVESTIGATOR_REQUEST | GROUND_3 | Health Code art. 95(4)(3) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT | true",
            "PROSECUTOR | INVESTIGATION_OR_TRIAL | PROSECUTOR_REQUEST | GROUND_3 | Health Code art. 95(4)(3) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT | true",
            "ADVOCATE | INVESTIGATION_OR_TRIAL | ADVOCATE_REQUEST | GROUND_3 | Health Code art. 95(4)(3) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT | true",
            "COURT | INVESTIGATION_OR_TRIAL | COURT_REQUEST | GROUND_3 | Health Code art. 95(4)(3) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS,EXAMINATION_TREATMENT | true",
            // ground 4: informing the legal representative of a minor or incapable patient (minimised)
            "LEGAL_REPRESENTATIVE | INFORM_REPRESENTATIVE_OF_MINOR_OR_INCAPABLE | REPRESENTATION_DOCUMENT | GROUND_4 | Health Code art. 95(4)(4) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS | false",
            // ground 5: harm to health by unlawful acts
            "INVESTIGATION_BODY | HARM_BY_UNLAWFUL_ACTS | INVESTIGATOR_REQUEST | GROUND_5 | Health Code art. 95(4)(5) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS | true",
            "PROSECUTOR | HARM_BY_UNLAWFUL_ACTS | PROSECUTOR_REQUEST | GROUND_5 | Health Code art. 95(4)(5) | FACT_OF_CARE,HEALTH_STATUS,DIAGNOSIS | true",
            // NONE: consent needed
            "RESEARCHER | RESEARCH | RESEARCH_PROTOCOL | NONE | Health Code art. 95(3) | '' | false",
            "ADVOCATE | INVESTIGATION_OR_TRIAL | NONE | NONE | Health Code art. 95(3) | '' | false",
            "COURT | INVESTIGATION_OR_TRIAL | ADVOCATE_REQUEST | NONE | Health Code art. 95(3) | '' | false",
            "LEGAL_REPRESENTATIVE | INVESTIGATION_OR_TRIAL | REPRESENTATION_DOCUMENT | NONE | Health Code art. 95(3) | '' | false",
            "ADVOCATE | HARM_BY_UNLAWFUL_ACTS | ADVOCATE_REQUEST | NONE | Health Code art. 95(3) | '' | false",
            "OTHER | OTHER | OTHER_DOCUMENT | NONE | Health Code art. 95(3) | '' | false",
            "MEDICAL_ORGANISATION | RESEARCH | MEDICAL_REFERRAL | NONE | Health Code art. 95(3) | '' | false"})
    void decidesTheGround(String requesterKind, String purposeKind, String documentKind, String ground, String clause,
                          String allowed, boolean secondApproval) {
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DisclosureProcess.GROUND_DECISION).variables(
                Variables.createVariables().putValue("requesterKind", requesterKind).putValue("purposeKind", purposeKind)
                        .putValue("documentKind", documentKind)).evaluate().getSingleResult();
        assertThat((String) result.getEntry("ground")).isEqualTo(ground);
        assertThat((String) result.getEntry("groundClause")).isEqualTo(clause);
        assertThat((String) result.getEntry("allowedCategories")).isEqualTo(allowed);
        assertThat((Boolean) result.getEntry("secondApprovalRequired")).isEqualTo(secondApproval);
    }
}
