package kz.health.sanepid.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/erasure {"iin","reason"}}: a data-protection officer has a subject's process history removed at
 * the next history clean-up (see {@link SubjectErasure}). The IIN travels in the body, never in the URL.
 */
@RestController
public class ErasureController {

    static final int MAX_REASON = 500;

    private final SubjectErasure erasure;
    private final CurrentUser currentUser;

    public ErasureController(SubjectErasure erasure, CurrentUser currentUser) {
        this.erasure = erasure;
        this.currentUser = currentUser;
    }

    public record ErasureRequest(String iin, String reason) {
    }

    @PostMapping(path = "/api/erasure", consumes = "application/json")
    public ResponseEntity<Map<String, Object>> erase(@RequestBody(required = false) ErasureRequest request) {
        currentUser.requireAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        List<String> reasons = new ArrayList<>();
        if (request == null) {
            throw ApiException.badRequest(List.of("body: {\"iin\", \"reason\"} is required"));
        }
        String problem = IdentificationNumbers.iinProblem(request.iin());
        if (problem != null) {
            reasons.add("iin: " + problem);
        }
        if (request.reason() == null || request.reason().isBlank()) {
            reasons.add("reason: is required (the subject's request and its reference)");
        } else if (request.reason().length() > MAX_REASON) {
            reasons.add("reason: at most " + MAX_REASON + " characters");
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        SubjectErasure.Erasure done = erasure.erase(request.iin(), request.reason().strip(), currentUser.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", done.requestId());
        body.put("subjectIin", IdentificationNumbers.mask(request.iin()));
        body.put("instances", done.instances());
        body.put("stillRunning", done.stillRunning());
        body.put("removalTime", done.removalTime().toInstant().toString());
        body.put("batchId", done.batchId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }
}
