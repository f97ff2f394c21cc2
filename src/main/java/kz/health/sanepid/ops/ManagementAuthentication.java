package kz.health.sanepid.ops;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.health.sanepid.security.ApiAuthenticationFilter;
import kz.health.sanepid.web.ApiErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management port (its own servlet context, {@code management.server.port}): liveness and readiness answer
 * anyone (a load balancer or an orchestrator has no login; they show statuses only), everything else (metrics,
 * the full health) wants HTTP Basic credentials of an engine user in one of {@code sanepid.management.groups}.
 * Listed in META-INF/spring/...ManagementContextConfiguration.imports and deliberately not a {@code @Configuration}
 * (component scanning would add it to the application's context too); it guards {@code /actuator/*} only, so it
 * also holds if the management port is set to the application's own.
 */
public class ManagementAuthentication {

    static final Set<String> OPEN_PATHS = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    @Bean
    FilterRegistrationBean<Filter> managementAuthenticationFilter(IdentityService identityService,
            ManagementProperties management) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(identityService,
                Set.copyOf(management.groups())));
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    static class Filter extends OncePerRequestFilter {
        private final IdentityService identityService;
        private final Set<String> groups;

        Filter(IdentityService identityService, Set<String> groups) {
            this.identityService = identityService;
            this.groups = Set.copyOf(groups);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return "GET".equals(request.getMethod())
                    && OPEN_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String[] credentials = ApiAuthenticationFilter.basicCredentials(request.getHeader("Authorization"));
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"sanepid-management\"");
                ApiErrors.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required", List.of());
                return;
            }
            boolean member = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
                    .map(Group::getId).anyMatch(groups::contains);
            if (!member) {
                ApiErrors.refuse(response, HttpServletResponse.SC_FORBIDDEN, "not a member of a monitoring group",
                        List.of("allowed groups: " + String.join(", ", groups.stream().sorted().toList())));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
