package kz.health.sanepid.professionalregister;

import kz.health.sanepid.security.HrSpecialists;
import org.springframework.stereotype.Component;

/**
 * The candidate group of an update's HR task, {@code hr-<BIN>}: the employer recorded in
 * {@code professional_register_update} from the person registry, not a process variable a person could have
 * written. Called by the BPMN as {@code ${hrCandidateGroup.of(execution.processBusinessKey)}} (the business key is
 * the certificate id).
 */
@Component("hrCandidateGroup")
public class HrCandidateGroup {

    private final RegisterUpdates updates;

    public HrCandidateGroup(RegisterUpdates updates) {
        this.updates = updates;
    }

    public String of(String certificateId) {
        RegisterUpdates.Update update = updates.find(certificateId)
                .orElseThrow(() -> new IllegalStateException("no professional-register update " + certificateId));
        if (update.employerBin() == null) {
            throw new IllegalStateException("no employer recorded for certificate " + certificateId);
        }
        return HrSpecialists.group(update.employerBin());
    }
}
