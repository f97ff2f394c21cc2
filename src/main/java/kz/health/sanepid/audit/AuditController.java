package kz.health.sanepid.audit;

import java.util.List;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read audit, for the data-protection officer only. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final ReadAudit audit;
    private final CurrentUser currentUser;

    public AuditController(ReadAudit audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping
    public List<ReadAudit.AuditEntry> entries(@RequestParam(required = false) String iin,
                                              @RequestParam(defaultValue = "100") int limit) {
        currentUser.requireAnyGroup(Roles.DATA_PROTECTION_OFFICERS);
        if (iin != null && !IdentificationNumbers.isValidIin(iin)) {
            throw ApiException.badRequest(List.of("iin: " + IdentificationNumbers.iinProblem(iin)));
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest(List.of("limit: must be from 1 to 1000"));
        }
        return audit.entries(iin, limit);
    }
}
