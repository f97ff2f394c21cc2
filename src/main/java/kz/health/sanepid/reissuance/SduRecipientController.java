package kz.health.sanepid.reissuance;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One recipient of a run, for sanitary-epidemiological specialists only (004 App.2 items 8, 17): what every registry
 * answered and when (audited read), and the re-offer of a recipient excluded on an answer its registry has since
 * corrected.
 */
@RestController
public class SduRecipientController {

    static final Pattern BUSINESS_KEY = Pattern.compile("^SDU-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}:[0-9]{12}:[A-Za-z0-9-]{1,40}$");

    private final SduLedger ledger;
    private final ReOffers reOffers;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;

    public SduRecipientController(SduLedger ledger, ReOffers reOffers, CurrentUser currentUser, ReadAudit readAudit) {
        this.ledger = ledger;
        this.reOffers = reOffers;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
    }

    @GetMapping("/api/sdu/recipients/{businessKey}/answers")
    public Map<String, Object> answers(@PathVariable("businessKey") String businessKey) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS);
        SduLedger.Recipient r = recipient(businessKey);
        readAudit.recordRead(r.recipientIin(), "/api/sdu/recipients/{businessKey}/answers",
                "specialist: what each registry answered on an SDU recipient (order 004 items 8, 17)");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("businessKey", r.businessKey());
        body.put("outcome", r.outcome().name());
        body.put("outcomeDetail", r.outcomeDetail());
        body.put("answers", ledger.answers(businessKey).stream().map(a -> Map.of("registry", a.registry(),
                "question", a.question(), "answer", a.answer(), "answeredAt", a.answeredAt().toString())).toList());
        return body;
    }

    /** Body {"reason": "..."} (10-500 characters): why the specialist holds the registry's answer corrected. */
    public record ReOfferRequest(String reason) {
    }

    @PostMapping("/api/sdu/recipients/{businessKey}/re-offer")
    public ResponseEntity<Map<String, Object>> reOffer(@PathVariable("businessKey") String businessKey,
                                                       @RequestBody(required = false) ReOfferRequest request) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS);
        requireBusinessKey(businessKey);
        List<String> reasons = new ArrayList<>();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < 10 || reason.length() > 500) {
            reasons.add("reason: 10-500 characters naming the registry's correction are required");
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        try {
            String offered = reOffers.reOffer(businessKey, reason, currentUser.userId());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("excluded", businessKey);
            body.put("businessKey", offered);
            body.put("outcome", ledger.recipient(offered).orElseThrow().outcome().name());
            return ResponseEntity.created(URI.create("/api/sdu/recipients/" + offered + "/answers")).body(body);
        } catch (ReOffers.Refused e) {
            throw new ApiException(e.unknown() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.getMessage(), e.reasons());
        }
    }

    private static void requireBusinessKey(String businessKey) {
        if (!BUSINESS_KEY.matcher(businessKey).matches()) {
            throw ApiException.badRequest(List.of("businessKey: must look like <runId>:<IIN>:<permitId>"));
        }
    }

    private SduLedger.Recipient recipient(String businessKey) {
        requireBusinessKey(businessKey);
        return ledger.recipient(businessKey).orElseThrow(() -> ApiException.notFound("no such recipient"));
    }
}
