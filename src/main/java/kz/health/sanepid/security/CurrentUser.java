package kz.health.sanepid.security;

import java.util.Arrays;
import java.util.List;

import kz.health.sanepid.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is calling the application's API (set by {@link ApiAuthenticationFilter}), and what their groups allow. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    public List<String> groups() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }

    public boolean inAnyGroup(String... groupIds) {
        List<String> mine = groups();
        return Arrays.stream(groupIds).anyMatch(mine::contains);
    }

    /** 403 unless the caller is in one of the groups (least privilege: administrators only where listed). */
    public void requireAnyGroup(String... groupIds) {
        if (!inAnyGroup(groupIds)) {
            throw ApiException.forbidden();
        }
    }
}
