package kz.health.sanepid.professionalregister;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.health.sanepid.audit.ReadAudit;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The professional-register updates (order No. 66 item 9) as recorded: which re-issued certificates went to which
 * employer's HR specialists, what they entered, and which had no employer (NO_EMPLOYER, no task). Sanitary-
 * epidemiological specialists read them in full, managers masked (IIN masked, no note); every read is audited.
 */
@RestController
public class RegisterUpdateController {

    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern CERTIFICATE = Pattern.compile("^[A-Za-z0-9-]{1,40}$");

    private final RegisterUpdates updates;
    private final CurrentUser currentUser;
    private final ReadAudit readAudit;

    public RegisterUpdateController(RegisterUpdates updates, CurrentUser currentUser, ReadAudit readAudit) {
        this.updates = updates;
        this.currentUser = currentUser;
        this.readAudit = readAudit;
    }

    @GetMapping("/api/professional-register/updates")
    public Map<String, Object> list(@RequestParam(name = "outcome", required = false) String outcome,
                                    @RequestParam(name = "page", defaultValue = "0") int page,
                                    @RequestParam(name = "size", defaultValue = "50") int size) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS, Roles.MANAGERS);
        List<String> reasons = new ArrayList<>();
        RegisterUpdates.Outcome wanted = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                wanted = RegisterUpdates.Outcome.valueOf(outcome.strip());
            } catch (IllegalArgumentException e) {
                reasons.add("outcome: one of " + List.of(RegisterUpdates.Outcome.values()));
            }
        }
        if (page < 0 || page > 100_000) {
            reasons.add("page: must be between 0 and 100000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            reasons.add("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        boolean unmasked = currentUser.inAnyGroup(Roles.SANEPID_SPECIALISTS);
        List<RegisterUpdates.Update> rows = updates.page(wanted, page, size);
        readAudit.recordReads(rows.stream().map(RegisterUpdates.Update::personIin).toList(),
                "/api/professional-register/updates", unmasked
                        ? "specialist: professional-register updates after SDU re-issues (order No. 66 item 9)"
                        : "manager: professional-register updates, masked (supervision)");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", wanted == null ? null : wanted.name());
        body.put("page", page);
        body.put("size", size);
        body.put("total", updates.count(wanted));
        body.put("items", rows.stream().map(u -> view(u, unmasked)).toList());
        return body;
    }

    @GetMapping("/api/professional-register/updates/{certificateId}")
    public Map<String, Object> one(@PathVariable("certificateId") String certificateId) {
        currentUser.requireAnyGroup(Roles.SANEPID_SPECIALISTS);
        if (!CERTIFICATE.matcher(certificateId).matches()) {
            throw ApiException.badRequest(List.of("certificateId: 1-40 letters, digits or '-'"));
        }
        RegisterUpdates.Update u = updates.find(certificateId)
                .orElseThrow(() -> ApiException.notFound("no professional-register update for this certificate"));
        readAudit.recordRead(u.personIin(), "/api/professional-register/updates/{certificateId}",
                "specialist: a professional-register update after an SDU re-issue (order No. 66 item 9)");
        return view(u, true);
    }

    private static Map<String, Object> view(RegisterUpdates.Update u, boolean unmasked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("certificateId", u.certificateId());
        m.put("replacesPermitId", u.replacesPermitId());
        m.put("personIin", unmasked ? u.personIin() : IdentificationNumbers.mask(u.personIin()));
        m.put("employerBin", u.employerBin());
        m.put("outcome", u.outcome().name());
        m.put("requestedAt", text(u.requestedAt()));
        m.put("dueAt", text(u.dueAt()));
        m.put("remindedAt", text(u.remindedAt()));
        m.put("escalatedAt", text(u.escalatedAt()));
        m.put("registerEntryNumber", u.registerEntryNumber());
        m.put("registerEntryDate", u.registerEntryDate() == null ? null : u.registerEntryDate().toString());
        m.put("note", unmasked ? u.note() : null);
        m.put("updatedBy", u.updatedBy());
        m.put("updatedAt", text(u.updatedAt()));
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
