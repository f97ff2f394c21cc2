package kz.health.sanepid.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.health.sanepid.web.ApiErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Endpoints that outside gateways call (the SMS gateway's inbound replies, the ДҚБ service's answers) accept only
 * requests the gateway signed ({@link GatewaySignature}): a wrong or missing signature, or a timestamp further than
 * the window (5 minutes by default) from now, is refused with 401; a message id seen before with 409. Both refusals
 * come before the endpoint, so a captured request replayed later changes nothing. The message id is recorded in the
 * transaction the endpoint's work joins, and the endpoint's answer is held until that transaction committed: a 5xx, an
 * exception or a failed commit releases the id with everything else (the gateway's retry of that delivery goes
 * through), and no success is answered for work that was not kept. One commit per delivery, not one for the id and
 * one for the work (docs/PERFORMANCE.md, issue 19). The demo profile also accepts
 * the shared secret alone in {@code X-Gateway-Secret} (unsigned, for curl); prod refuses to start with it allowed.
 * People never call these endpoints, so they are not behind {@link ApiAuthenticationFilter}.
 */
public class GatewaySignatureFilter extends OncePerRequestFilter {

    private final String gateway;
    private final String secret;
    private final boolean allowSecretOnly;
    private final Duration window;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    public GatewaySignatureFilter(String gateway, String secret, boolean allowSecretOnly, Duration window,
                                  JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("a gateway secret of at least 16 characters must be configured");
        }
        this.gateway = gateway;
        this.secret = secret;
        this.allowSecretOnly = allowSecretOnly;
        this.window = window;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String signature = request.getHeader(GatewaySignature.SIGNATURE_HEADER);
        if (signature == null) {
            if (allowSecretOnly && matches(secret, request.getHeader(GatewaySignature.SECRET_HEADER))) {
                chain.doFilter(request, response);
            } else {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "gateway signature required");
            }
            return;
        }
        String timestamp = request.getHeader(GatewaySignature.TIMESTAMP_HEADER);
        String messageId = request.getHeader(GatewaySignature.MESSAGE_ID_HEADER);
        if (timestamp == null || messageId == null || messageId.isBlank() || messageId.length() > 100) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "gateway signature required");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (!matches(GatewaySignature.sign(secret, timestamp, messageId, body), signature)) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "gateway signature required");
            return;
        }
        Instant now = clock.instant();
        if (!withinWindow(timestamp, now)) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "the request's timestamp is outside the window");
            return;
        }
        purgeForgotten(now);
        String key = gateway + ":" + messageId;
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        boolean seenBefore;
        try {
            seenBefore = Boolean.FALSE.equals(transactions.execute(tx -> {
                if (!record(key, now)) {
                    tx.setRollbackOnly();
                    return false;
                }
                try {
                    chain.doFilter(BufferedRequest.withBody(request, body), held);
                } catch (IOException | ServletException e) {
                    throw new EndpointFailed(e);
                }
                if (held.getStatus() >= 500) {
                    tx.setRollbackOnly(); // the message id is released with the rest: the gateway's retry goes through
                }
                return true;
            }));
        } catch (EndpointFailed e) {
            e.rethrow();
            return;
        } catch (TransactionException e) {
            // Either the endpoint's own transaction rolled back (UnexpectedRollbackException) or the commit failed.
            // A refusal the endpoint answered stands (nothing was written, which a refusal promises) and its message
            // id is kept on its own, so the same delivery again is a 409 as every id seen is. Any other answer is not
            // sent, since what it says was not kept.
            if (e instanceof UnexpectedRollbackException && held.getStatus() >= 400) {
                record(key, now);
            } else {
                held.resetBuffer();
                refuse(held, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the request was not kept; send it again");
            }
            seenBefore = false;
        }
        if (seenBefore) {
            refuse(response, HttpServletResponse.SC_CONFLICT, "this message id was received before");
            return;
        }
        held.copyBodyToResponse();
    }

    private boolean withinWindow(String timestamp, Instant now) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return !sent.isBefore(now.minus(window)) && !sent.isAfter(now.plus(window));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    /** Ids older than twice the window are forgotten now and then (in a statement of their own). */
    private void purgeForgotten(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last > window.toMillis() && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            jdbc.update("DELETE FROM gateway_message WHERE received_at < ?", Timestamp.from(now.minus(window.multipliedBy(2))));
        }
    }

    /** True when the message id is new (inside the request's transaction, when there is one: a rollback releases it). */
    private boolean record(String key, Instant now) {
        try {
            return jdbc.update("INSERT INTO gateway_message (message_key, received_at) VALUES (?, ?)", key,
                    Timestamp.from(now)) == 1;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    private static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint's checked exception, carried out of the transaction callback and thrown again as it was. */
    private static final class EndpointFailed extends RuntimeException {
        EndpointFailed(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            if (getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) getCause();
        }
    }

    private static void refuse(HttpServletResponse response, int status, String error) throws IOException {
        ApiErrors.refuse(response, status, error, List.of("sign with " + GatewaySignature.SIGNATURE_HEADER + ", "
                + GatewaySignature.TIMESTAMP_HEADER + " and a new " + GatewaySignature.MESSAGE_ID_HEADER));
    }
}
