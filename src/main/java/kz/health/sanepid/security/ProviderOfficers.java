package kz.health.sanepid.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * A provider's officers: members of the role group {@code provider-officers} (Tasklist, complaint registration) and
 * of their organisation's group {@code provider-<BIN>}, the candidate group of the complaints against that provider
 * (public-service-complaint, {@code complaint/ProviderCandidateGroup}). An officer of one provider neither sees nor
 * works the complaints against another (docs/ACCESS.md "Providers"). A provider's head is a member of the role group
 * {@code provider-heads} (Tasklist) and of {@code provider-head-<BIN>}, the candidate group of the complaints addressed
 * to the head of that provider: a head decides and reads their own provider's complaints only.
 */
@Component
public class ProviderOfficers {

    static final String PREFIX = "provider-";
    static final String HEAD_PREFIX = "provider-head-";
    private static final int BIN_LENGTH = 12;

    private final IdentityService identityService;

    public ProviderOfficers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The candidate group of the complaints against the provider with this BIN. */
    public static String group(String providerBin) {
        return PREFIX + providerBin;
    }

    /** The candidate group of the complaints addressed to the head of the provider with this BIN. */
    public static String headGroup(String providerBin) {
        return HEAD_PREFIX + providerBin;
    }

    /** The BINs of the providers whose groups are among these (a provider officer's organisation). */
    public static List<String> bins(List<String> groups) {
        return binsAfter(PREFIX, groups);
    }

    /** The BINs of the providers whose head's groups are among these (a head's organisation). */
    public static List<String> headBins(List<String> groups) {
        return binsAfter(HEAD_PREFIX, groups);
    }

    private static List<String> binsAfter(String prefix, List<String> groups) {
        return groups.stream().filter(g -> g.startsWith(prefix) && g.length() == prefix.length() + BIN_LENGTH
                && g.substring(prefix.length()).chars().allMatch(Character::isDigit))
                .map(g -> g.substring(prefix.length())).toList();
    }

    /**
     * Sets up an officer of the provider: the provider's group (created with the first officer) and the user's
     * memberships of it and of {@code provider-officers}. Idempotent; the user must exist.
     */
    public void enrol(String userId, String providerBin) {
        enrol(userId, Roles.PROVIDER_OFFICERS, group(providerBin), "Қызмет беруші / Услугодатель " + providerBin);
    }

    /**
     * Sets up the head of the provider: the provider's head group {@code provider-head-<BIN>} and the user's
     * memberships of it and of {@code provider-heads}. Idempotent; the user must exist.
     */
    public void enrolHead(String userId, String providerBin) {
        enrol(userId, Roles.PROVIDER_HEADS, headGroup(providerBin),
                "Қызмет беруші басшысы / Руководитель услугодателя " + providerBin);
    }

    private void enrol(String userId, String roleGroup, String organisationGroup, String organisationName) {
        if (identityService.createGroupQuery().groupId(organisationGroup).count() == 0) {
            Group group = identityService.newGroup(organisationGroup);
            group.setName(organisationName);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        if (identityService.createGroupQuery().groupId(roleGroup).count() == 0) {
            identityService.saveGroup(identityService.newGroup(roleGroup));
        }
        for (String member : List.of(roleGroup, organisationGroup)) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(member).count() == 0) {
                identityService.createMembership(userId, member);
            }
        }
    }
}
