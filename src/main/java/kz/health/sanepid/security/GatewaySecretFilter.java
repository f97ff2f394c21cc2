package kz.health.sanepid.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.health.sanepid.web.ApiErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints that outside gateways call (the SMS gateway's inbound replies, the ДҚБ service's answers) accept only
 * callers presenting the gateway's shared secret in {@code X-Gateway-Secret}; anyone else gets 401. People never
 * call these endpoints, so they are not behind {@link ApiAuthenticationFilter}.
 */
public class GatewaySecretFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Gateway-Secret";
    private final byte[] secret;

    public GatewaySecretFilter(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("a gateway secret of at least 16 characters must be configured");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            ApiErrors.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "gateway credential required", List.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
