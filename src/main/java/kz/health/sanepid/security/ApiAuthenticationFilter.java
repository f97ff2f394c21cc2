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
import jakarta.servlet.http.HttpSession;
import kz.health.sanepid.web.ApiErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of {@code /api/**} against the engine's users, so that every call of the
 * application's API runs as a named person with their groups (personal accounts only, 001 "violations").
 * A request without valid credentials gets 401 and touches nothing.
 *
 * <p>The managers' read endpoints ({@code GET /api/manager/**}, the Cockpit plugin's source) also take the Camunda
 * webapps' session of a user logged in to Cockpit: only for GET and HEAD, which change nothing, so that no write of
 * {@code /api} can be forged from a page (the webapps' CSRF filter guards their own writes; the session cookie is
 * SameSite=Strict); the user's groups are read afresh from the identity service, and a user gone since the login
 * gets 401. Any {@code Authorization} header is checked as Basic, never passed over for the session.
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

    /** Read endpoints that also take the webapps' session (the Cockpit plugin's). */
    public static final String SESSION_READ_PREFIX = "/api/manager/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sessionUser = request.getHeader("Authorization") == null ? cockpitSessionUser(request) : null;
        if (sessionUser != null) {
            authenticated(sessionUser, request, response, chain);
            return;
        }
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                // a script's call (the Cockpit plugin's, its session gone) gets no browser login prompt
                response.setHeader("WWW-Authenticate", "Basic realm=\"sanepid\"");
            }
            ApiErrors.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required", List.of());
            return;
        }
        authenticated(credentials[0], request, response, chain);
    }

    private void authenticated(String userId, HttpServletRequest request, HttpServletResponse response,
                               FilterChain chain) throws ServletException, IOException {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The user of the webapps' session, for a GET or HEAD of a managers' read endpoint; null otherwise. */
    private String cockpitSessionUser(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith(SESSION_READ_PREFIX)) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        Authentication auth = authentications.getAuthenticationForProcessEngine(ENGINE);
        if (!(auth instanceof UserAuthentication user) || !user.isAuthorizedForApp("cockpit")) {
            return null;
        }
        String userId = user.getIdentityId();
        return userId != null && identityService.createUserQuery().userId(userId).count() == 1 ? userId : null;
    }

    private static final String ENGINE = "default";

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
