package kz.health.sanepid.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.health.sanepid.web.ApiErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's first-run setup ({@code /camunda/api/admin/setup/*}) lets the first anonymous visitor create an
 * administrator while no member of {@code camunda-admin} exists. Here the administrator comes from the demo logins
 * or, in production, from the environment ({@link FirstAdministrator}), so the setup is closed in every profile:
 * 403 before the request reaches the webapp, nothing created.
 */
public class SetupClosedFilter extends OncePerRequestFilter {

    public static final String PATH = "/camunda/api/admin/setup/*";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiErrors.refuse(response, HttpServletResponse.SC_FORBIDDEN, "the first-run setup is closed",
                List.of("the administrator comes from SANEPID_ADMIN_ID and SANEPID_ADMIN_PASSWORD"));
    }
}
