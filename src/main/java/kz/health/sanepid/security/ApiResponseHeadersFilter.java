package kz.health.sanepid.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer of {@code /api/**} and {@code /engine-rest/**}, refusals included: personal data must not
 * stay in a browser's or a proxy's cache ({@code Cache-Control: no-store}), a JSON answer must not be sniffed into
 * something else ({@code X-Content-Type-Options: nosniff}), and under TLS the browser keeps to it
 * ({@code Strict-Transport-Security}; TLS ends at the balancer, so {@code sanepid.security.tls} says so, or the
 * request itself came over TLS). The webapps get theirs from Camunda's header-security settings.
 */
public class ApiResponseHeadersFilter extends OncePerRequestFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    private final boolean tls;

    public ApiResponseHeadersFilter(boolean tls) {
        this.tls = tls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (tls || request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new NoStore(response));
    }

    /** Keeps {@code no-store}: a resource below (Camunda's REST, say) may not soften it to {@code no-cache}. */
    static final class NoStore extends HttpServletResponseWrapper {
        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
