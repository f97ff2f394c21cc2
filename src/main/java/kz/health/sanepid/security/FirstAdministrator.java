package kz.health.sanepid.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;

/**
 * The first administrator of a production installation comes from the environment ({@code SANEPID_ADMIN_ID},
 * {@code SANEPID_ADMIN_PASSWORD}), never from Camunda's first-run setup page (which {@link SetupClosedFilter}
 * closes): created once, in {@code camunda-admin}, with the password policy applied. Once a member of
 * {@code camunda-admin} exists nothing is created or changed, so the variables can be removed after the first start.
 */
final class FirstAdministrator {

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    FirstAdministrator(IdentityService identityService, String userId, String password) {
        this.identityService = identityService;
        this.userId = userId == null ? "" : userId.strip();
        this.password = password == null ? "" : password;
    }

    /** Creates the administrator when none exists; answers why it cannot (empty when there is one now). */
    List<String> ensure() {
        if (identityService.createUserQuery().memberOfGroup(Roles.ADMINISTRATORS).count() > 0) {
            return List.of();
        }
        if (userId.isEmpty() || password.isEmpty()) {
            return List.of("no administrator: no member of " + Roles.ADMINISTRATORS + " exists and SANEPID_ADMIN_ID /"
                    + " SANEPID_ADMIN_PASSWORD are not set (the first-run setup page is closed)");
        }
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return List.of("SANEPID_ADMIN_ID names an existing user who is not in " + Roles.ADMINISTRATORS
                    + "; choose a new id");
        }
        User user = identityService.newUser(userId);
        user.setFirstName("Administrator");
        user.setLastName(userId);
        user.setPassword(password);
        PasswordPolicyResult policy = identityService.checkPasswordAgainstPolicy(password, user);
        if (!policy.isValid()) {
            return List.of("SANEPID_ADMIN_PASSWORD does not meet the password policy ("
                    + policy.getViolatedRules().stream().map(r -> r.getPlaceholder()).toList() + ")");
        }
        if (identityService.createGroupQuery().groupId(Roles.ADMINISTRATORS).count() == 0) {
            Group group = identityService.newGroup(Roles.ADMINISTRATORS);
            group.setName("Әкімшілер / Администраторы");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.ADMINISTRATORS);
        return List.of();
    }
}
