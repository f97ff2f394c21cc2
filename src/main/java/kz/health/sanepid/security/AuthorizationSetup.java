package kz.health.sanepid.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Writes the {@link AccessMatrix} grants at every start; a grant already there is left as it is. */
@Component
@Order(-10)
public class AuthorizationSetup implements ApplicationRunner {

    private final AuthorizationService authorizationService;

    public AuthorizationSetup(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (AccessMatrix.Grant grant : AccessMatrix.grants()) {
            boolean present = authorizationService.createAuthorizationQuery().groupIdIn(grant.groupId())
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0;
            if (!present) {
                Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(grant.groupId());
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
                for (Permission permission : grant.permissions()) {
                    authorization.addPermission(permission);
                }
                authorizationService.saveAuthorization(authorization);
            }
        }
    }
}
