package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Requests and fresh valid IINs for the disclosure tests (synthetic: no real person). */
final class DisclosureTestData {


    private DisclosureTestData() {
    }

    /** A valid IIN not used by another test (random birth date and serial, computed check digit). */
    static String freshIin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String first11 = String.format("%02d%02d%02d%d%04d", random.nextInt(100), 1 + random.nextInt(12),
                    1 + random.nextInt(28), 3 + random.nextInt(4), random.nextInt(10000));
            String iin = IdentificationNumbers.withCheckDigit(first11);
            if (iin != null && IdentificationNumbers.isValidIin(iin)) {
                return iin;
            }
        }
    }

    /** A valid BIN of a resident legal entity's head unit. */
    static String freshBin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String first11 = String.format("%02d%02d40%05d", random.nextInt(100), 1 + random.nextInt(12),
                    random.nextInt(100000));
            String bin = IdentificationNumbers.withCheckDigit(first11);
            if (bin != null && IdentificationNumbers.isValidBin(bin)) {
                return bin;
            }
        }
    }

    static VariableMap request(String requesterKind, String purposeKind, String documentKind, String categories,
                               String patientIin, String requesterIdNumber) {
        return Variables.createVariables()
                .putValue(REQUESTER_KIND, requesterKind)
                .putValue(REQUESTER_NAME, "Synthetic requester " + requesterKind)
                .putValue(REQUESTER_ID_NUMBER, requesterIdNumber)
                .putValue(REQUESTER_CAPACITY, "acting in case No. 2026-TEST")
                .putValue(PATIENT_IIN, patientIin)
                .putValue(REQUESTED_CATEGORIES, categories)
                .putValue(PURPOSE_KIND, purposeKind)
                .putValue(PURPOSE, "synthetic purpose for " + purposeKind)
                .putValue(DOCUMENT_KIND, documentKind)
                .putValue(DOCUMENT_REF, "No. 17 of 2026-03-20");
    }

    static Map<String, Object> json(String requesterKind, String patientIin) {
        return Map.of("requesterKind", requesterKind, "requesterName", "Synthetic court",
                "requesterCapacity", "judge in case No. 2-17/2026", "patientIin", patientIin,
                "dataCategories", java.util.List.of("DIAGNOSIS", "HEALTH_STATUS"), "purposeKind",
                "INVESTIGATION_OR_TRIAL", "purpose", "civil case on compensation of harm", "documentKind",
                "COURT_REQUEST", "documentRef", "No. 2-17/2026 of 2026-03-20");
    }
}
