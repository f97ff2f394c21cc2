package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.RandomKeys;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Medical-secrecy disclosure requests (Health Code art. 95). The legal officers (group data-protection-officers)
 * register requests and read every disclosure of a patient; a patient reads their own, as the user
 * {@code citizen-<IIN>} (until a citizen login exists). Every read is written to the read audit.
 */
@RestController
@RequestMapping("/api/disclosures")
public class DisclosureController {

    /** A user whose id is this prefix followed by an IIN is that person (no citizen login exists yet). */
    public static final String CITIZEN_PREFIX = "citizen-";
    static final String ENDPOINT = "/api/disclosures";

    private final RuntimeService runtimeService;
    private final Disclosures disclosures;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;

    public DisclosureController(RuntimeService runtimeService, Disclosures disclosures, CurrentUser currentUser,
                                ReadAudit readAudit) {
        this.runtimeService = runtimeService;
        this.disclosures = disclosures;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
    }

    public record RequestBodyJson(String requesterKind, String requesterName, String requesterIdNumber,
                                  String requesterCapacity, String patientIin, List<String> dataCategories,
                                  String purposeKind, String purpose, String documentKind, String documentRef) {
    }

    public record Registered(String disclosureId, String processInstanceId) {
    }

    @PostMapping
    public ResponseEntity<Registered> register(@RequestBody RequestBodyJson body) {
        currentUser.requireAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        // a refusal of the input is a Refusal (400 with the problems), mapped by web/ApiErrors
        DisclosureRequestInput input = DisclosureRequestInput.of(body.requesterKind(), body.requesterName(),
                body.requesterIdNumber(), body.requesterCapacity(), body.patientIin(), body.dataCategories(),
                body.purposeKind(), body.purpose(), body.documentKind(), body.documentRef());
        String id = RandomKeys.uuid();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_ID, id, Variables.createVariables()
                .putValue(REQUESTER_KIND, input.requesterKind().name())
                .putValue(REQUESTER_NAME, input.requesterName())
                .putValue(REQUESTER_ID_NUMBER, input.requesterIdNumber())
                .putValue(REQUESTER_CAPACITY, input.requesterCapacity())
                .putValue(PATIENT_IIN, input.patientIin())
                .putValue(REQUESTED_CATEGORIES, input.categoriesText())
                .putValue(PURPOSE_KIND, input.purposeKind().name())
                .putValue(PURPOSE, input.purpose())
                .putValue(DOCUMENT_KIND, input.documentKind().name())
                .putValue(DOCUMENT_REF, input.documentRef()));
        return ResponseEntity.created(URI.create(ENDPOINT + "/" + id)).body(new Registered(id, instance.getId()));
    }

    /** What a patient sees: who received what, on which basis, when; not the officers' names or notes. */
    public record PatientView(String disclosureId, Instant receivedAt, String requesterKind, String requesterName,
                              String requesterIdNumber, String categoriesRequested, String purpose, String status,
                              String legalBasis, String groundClause, String categoriesReleased, Instant closedAt,
                              String refusalReason) {
        static PatientView of(Disclosures.Disclosure d) {
            boolean released = DisclosureStatus.RELEASED.name().equals(d.status());
            return new PatientView(d.id(), d.receivedAt(), d.requesterKind(), d.requesterName(),
                    d.requesterIdNumber(), d.categoriesRequested(), d.purpose(), d.status(), d.legalBasis(),
                    released && !DisclosureSteps.CONSENT_BASIS.equals(d.legalBasis()) ? d.groundClause()
                            : released ? DisclosureSteps.CONSENT_CLAUSE : null,
                    d.categoriesReleased(), d.closedAt(), d.refusalReason());
        }
    }

    @GetMapping
    public List<?> ofPatient(@RequestParam String iin) {
        boolean officer = currentUser.inAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        String userId = currentUser.userId();
        boolean citizen = userId != null && userId.startsWith(CITIZEN_PREFIX);
        if (!officer && !citizen) {
            throw ApiException.forbidden();
        }
        String problem = IdentificationNumbers.iinProblem(iin);
        if (problem != null) {
            throw ApiException.badRequest(List.of("iin: " + problem));
        }
        if (!officer && !userId.equals(CITIZEN_PREFIX + iin)) {
            throw ApiException.forbidden();
        }
        List<Disclosures.Disclosure> found = disclosures.ofPatient(iin);
        readAudit.recordRead(iin, ENDPOINT, officer ? "data-protection officer: disclosures of a patient"
                : "patient: own disclosures (Health Code art. 95)");
        return officer ? found : found.stream().map(PatientView::of).toList();
    }
}
