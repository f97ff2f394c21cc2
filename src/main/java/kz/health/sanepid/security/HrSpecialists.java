package kz.health.sanepid.security;

import java.util.List;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * An employer's HR specialists (order No. 66 items 8-9, the personnel-management specialist): members of the role
 * group {@code hr-specialists} (Tasklist only) and of their organisation's group {@code hr-<BIN>}, the candidate
 * group of the professional-register updates of that employer's workers
 * ({@code professionalregister/HrCandidateGroup}). An HR specialist of one employer neither sees nor works another
 * employer's updates (docs/ACCESS.md "HR specialists"), as {@link ProviderOfficers} for complaints.
 */
@Component
public class HrSpecialists {

    static final String PREFIX = "hr-";

    private final IdentityService identityService;

    public HrSpecialists(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The candidate group of the updates of the workers of the employer with this BIN. */
    public static String group(String employerBin) {
        if (!IdentificationNumbers.isValidBin(employerBin)) {
            throw new IllegalArgumentException("not a valid employer BIN: " + IdentificationNumbers.mask(employerBin));
        }
        return PREFIX + employerBin;
    }

    /**
     * Sets up an HR specialist of the employer: the employer's group (created with the first specialist) and the
     * user's memberships of it and of {@code hr-specialists}. Idempotent; the user must exist.
     */
    public void enrol(String userId, String employerBin) {
        String groupId = group(employerBin);
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName("Кадр қызметі / Кадровая служба " + employerBin);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        if (identityService.createGroupQuery().groupId(Roles.HR_SPECIALISTS).count() == 0) {
            Group role = identityService.newGroup(Roles.HR_SPECIALISTS);
            role.setName("Кадр маманы / Кадровый специалист");
            role.setType("WORKFLOW");
            identityService.saveGroup(role);
        }
        for (String member : List.of(Roles.HR_SPECIALISTS, groupId)) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(member).count() == 0) {
                identityService.createMembership(userId, member);
            }
        }
    }
}
