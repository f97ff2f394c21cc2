package kz.health.sanepid.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.health.sanepid.web.ApiErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of {@code /api/**} against the engine's users, so that every call of the
 * application's API runs as a named person with their groups (personal accounts only, 001 "violations").
 * A request without valid credentials gets 401 and touches nothing.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final Set<String> gatewayPaths;

    public ApiAuthenticationFilter(IdentityService identityService, Set<String> gatewayPaths) {
        this.identityService = identityService;
        this.gatewayPaths = Set.copyOf(gatewayPaths);
    }

    /** Gateway endpoints are guarded by {@link GatewaySignatureFilter} instead. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return gatewayPaths.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"sanepid\"");
            ApiErrors.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required", List.of());
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(credentials[0], groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    public static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
