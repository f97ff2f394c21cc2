package kz.health.sanepid.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject's consents from the journal, and the start of a revocation.
 * {@code GET /api/consents?iin=}: data-protection officers see full IINs; managers and administrators see them
 * masked; anyone else gets 403. {@code POST /api/consents/{id}/revocation}: a data-protection officer registers a
 * subject's revocation (written, or through a state service) and the revocation process starts.
 */
@RestController
public class ConsentController {

    private final ConsentRecords records;
    private final ConsentRevocations revocations;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;

    public ConsentController(ConsentRecords records, ConsentRevocations revocations, CurrentUser currentUser,
                             ReadAudit readAudit) {
        this.records = records;
        this.revocations = revocations;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
    }

    public record EventView(String type, Instant at, String recordedBy, String channel, String evidence,
                            String respondentIin, String respondentGround, String legalGround, String note) {
    }

    public record ConsentView(String consentId, String status, boolean validToday, String subjectIin,
                              String respondentIin, String respondentGround, String legalGround, String operatorBin,
                              String requesterKind, String purpose, String categories, boolean medicalSecrecy,
                              LocalDate validUntil, List<EventView> events) {
    }

    @GetMapping("/api/consents")
    public List<ConsentView> consents(@RequestParam("iin") String iin) {
        currentUser.requireAnyGroup(Roles.DATA_PROTECTION_OFFICERS, Roles.MANAGERS);
        String problem = IdentificationNumbers.iinProblem(iin);
        if (problem != null) {
            throw ApiException.badRequest(List.of("iin: " + problem));
        }
        UnaryOperator<String> show = currentUser.inAnyGroup(Roles.DATA_PROTECTION_OFFICERS)
                ? UnaryOperator.identity()
                : v -> v == null ? null : IdentificationNumbers.mask(v);
        LocalDate today = records.today();
        boolean officer = currentUser.inAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        readAudit.recordRead(iin, "/api/consents", officer ? "data-protection officer: a subject's consents"
                : "manager: a subject's consents, masked (supervision)");
        return records.consentsOf(iin).stream().map(c -> {
            ConsentFacts f = c.facts();
            return new ConsentView(c.consentId(), c.status().name(), c.grantedOn(today), show.apply(f.subjectIin()),
                    show.apply(f.respondentIin()), f.respondentGround().name(), f.legalGround(), f.operatorBin(),
                    f.requesterKind(), f.purpose(), f.categories(), f.medicalSecrecy(), f.validUntil(),
                    c.events().stream().map(e -> new EventView(e.type().name(), e.occurredAt(), e.recordedBy(),
                            e.channel(), e.evidence(), show.apply(e.respondentIin()), e.respondentGround().name(),
                            e.legalGround(), e.note())).toList());
        }).toList();
    }

    public record RevocationBody(String subjectIin, String channel, String reason) {
    }

    @PostMapping("/api/consents/{consentId}/revocation")
    public ResponseEntity<Map<String, Object>> revoke(@PathVariable("consentId") String consentId,
                                                      @RequestBody RevocationBody body) {
        currentUser.requireAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        String processInstanceId = revocations.start(consentId, body.subjectIin(), body.channel(), body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("consentId", consentId,
                "processInstanceId", processInstanceId));
    }
}
