package kz.health.sanepid.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * A provider's officers: members of the role group {@code provider-officers} (Tasklist, complaint registration) and
 * of their organisation's group {@code provider-<BIN>}, the candidate group of the complaints against that provider
 * (public-service-complaint, {@code complaint/ProviderCandidateGroup}). An officer of one provider neither sees nor
 * works the complaints against another (docs/ACCESS.md "Providers").
 */
@Component
public class ProviderOfficers {

    static final String PREFIX = "provider-";

    private final IdentityService identityService;

    public ProviderOfficers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The candidate group of the complaints against the provider with this BIN. */
    public static String group(String providerBin) {
        return PREFIX + providerBin;
    }

    /** The BINs of the providers whose groups are among these (a provider officer's organisation). */
    public static List<String> bins(List<String> groups) {
        return groups.stream().filter(g -> g.startsWith(PREFIX) && g.length() == PREFIX.length() + 12
                && g.substring(PREFIX.length()).chars().allMatch(Character::isDigit))
                .map(g -> g.substring(PREFIX.length())).toList();
    }

    /**
     * Sets up an officer of the provider: the provider's group (created with the first officer) and the user's
     * memberships of it and of {@code provider-officers}. Idempotent; the user must exist.
     */
    public void enrol(String userId, String providerBin) {
        String groupId = group(providerBin);
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName("Қызмет беруші / Услугодатель " + providerBin);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        if (identityService.createGroupQuery().groupId(Roles.PROVIDER_OFFICERS).count() == 0) {
            identityService.saveGroup(identityService.newGroup(Roles.PROVIDER_OFFICERS));
        }
        for (String member : List.of(Roles.PROVIDER_OFFICERS, groupId)) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(member).count() == 0) {
                identityService.createMembership(userId, member);
            }
        }
    }
}
