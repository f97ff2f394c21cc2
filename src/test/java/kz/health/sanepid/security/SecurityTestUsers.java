package kz.health.sanepid.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** One user per role group for the security tests (the demo logins exist only in the demo profile). */
final class SecurityTestUsers {

    static final String PASSWORD = "Access#Matrix-2026";

    enum Role {
        PROVIDER("sec-provider", Roles.PROVIDER_OFFICERS),
        HEAD("sec-head", Roles.PROVIDER_HEADS),
        REVIEWER("sec-reviewer", Roles.REVIEWING_BODY_OFFICERS),
        SPECIALIST("sec-specialist", Roles.SANEPID_SPECIALISTS),
        DPO("sec-dpo", Roles.DATA_PROTECTION_OFFICERS),
        MANAGER("sec-manager", Roles.MANAGERS),
        ADMIN("sec-admin", Roles.ADMINISTRATORS);

        final String userId;
        final String group;

        Role(String userId, String group) {
            this.userId = userId;
            this.group = group;
        }
    }

    private SecurityTestUsers() {
    }

    static void create(IdentityService identityService) {
        for (Role role : Role.values()) {
            if (identityService.createGroupQuery().groupId(role.group).count() == 0) {
                identityService.saveGroup(identityService.newGroup(role.group));
            }
            if (identityService.createUserQuery().userId(role.userId).count() == 0) {
                User user = identityService.newUser(role.userId);
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(role.userId, role.group);
            }
        }
    }

    static List<Role> all() {
        return List.of(Role.values());
    }
}
