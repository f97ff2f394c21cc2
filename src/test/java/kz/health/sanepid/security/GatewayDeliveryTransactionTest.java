package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A gateway's delivery is one transaction: the message id and the endpoint's work are kept together or not at all,
 * and the endpoint's answer leaves only after the commit. The "endpoint" here is a filter chain that writes a row of
 * its own (a second gateway_message key) and answers as told. The web context is the one the other door tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayDeliveryTransactionTest {

    static final String SECRET = "a-test-gateway-secret-of-some-length";

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    private GatewaySignatureFilter filter() {
        return new GatewaySignatureFilter("test-gateway", SECRET, false, Duration.ofMinutes(5), jdbc, transactions,
                Clock.systemUTC());
    }

    private record Delivery(String messageId, String work, MockHttpServletRequest request) {
        static Delivery signed() {
            String body = "{\"answer\":\"1\"}";
            String id = UUID.randomUUID().toString();
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/test/inbound");
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = SignedGatewayRequest.headers(SECRET, body,
                    Clock.systemUTC().instant().getEpochSecond(), id);
            headers.forEach(request::addHeader);
            return new Delivery(id, "work:" + id, request);
        }

        Delivery again() {
            MockHttpServletRequest copy = new MockHttpServletRequest("POST", request.getRequestURI());
            copy.setContentType(request.getContentType());
            copy.setContent(request.getContentAsByteArray());
            request.getHeaderNames().asIterator().forEachRemaining(h -> copy.addHeader(h, request.getHeader(h)));
            return new Delivery(messageId, work, copy);
        }
    }

    private boolean kept(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM gateway_message WHERE message_key = ?", Integer.class, key) == 1;
    }

    private void doWork(Delivery d) {
        jdbc.update("INSERT INTO gateway_message (message_key, received_at) VALUES (?, CURRENT_TIMESTAMP)", d.work());
    }

    private MockHttpServletResponse deliver(Delivery d, FilterChain endpoint) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter().doFilter(d.request(), response, endpoint);
        return response;
    }

    @Test
    void anAnswerLeavesOnlyAfterTheCommitAndTheIdAndTheWorkAreKeptTogether() throws Exception {
        Delivery d = Delivery.signed();
        boolean[] committedEarly = {true};
        MockHttpServletResponse response = deliver(d, (req, res) -> {
            doWork(d);
            res.setContentType("application/json");
            res.getWriter().write("{\"status\":200}");
            res.flushBuffer(); // an endpoint that flushes still does not answer before the commit
            committedEarly[0] = res.isCommitted();
        });
        assertThat(committedEarly[0]).isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":200}");
        assertThat(kept("test-gateway:" + d.messageId())).isTrue();
        assertThat(kept(d.work())).isTrue();

        assertThat(deliver(d.again(), (req, res) -> ((HttpServletResponse) res).setStatus(200)).getStatus()).isEqualTo(409);
    }

    @Test
    void aFiveHundredKeepsNeitherTheIdNorTheWorkSoTheRetryGoesThrough() throws Exception {
        Delivery d = Delivery.signed();
        MockHttpServletResponse failed = deliver(d, (req, res) -> {
            doWork(d);
            ((HttpServletResponse) res).setStatus(503);
        });
        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(kept("test-gateway:" + d.messageId())).isFalse();
        assertThat(kept(d.work())).isFalse();

        MockHttpServletResponse retried = deliver(d.again(), (req, res) -> doWork(d));
        assertThat(retried.getStatus()).isEqualTo(200);
        assertThat(kept(d.work())).isTrue();
    }

    @Test
    void anExceptionKeepsNothingAndIsThrownOn() throws Exception {
        Delivery d = Delivery.signed();
        assertThatThrownBy(() -> deliver(d, (req, res) -> {
            doWork(d);
            throw new IllegalStateException("the endpoint failed");
        })).hasMessageContaining("the endpoint failed");
        assertThat(kept("test-gateway:" + d.messageId())).isFalse();
        assertThat(kept(d.work())).isFalse();
    }

    @Test
    void aSuccessWhoseWorkRolledBackIsAnsweredAsFiveHundred() throws Exception {
        Delivery d = Delivery.signed();
        MockHttpServletResponse response = deliver(d, (req, res) -> {
            try {
                doWorkThatRollsBack(d, new IllegalStateException("a service's transaction rolled back"));
            } catch (IllegalStateException swallowed) {
                // an endpoint that catches its service's failure and answers success anyway
            }
            res.getWriter().write("{\"status\":200}");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("not kept").doesNotContain("\"status\":200");
        assertThat(kept("test-gateway:" + d.messageId())).isFalse();
        assertThat(kept(d.work())).isFalse();
    }

    @Test
    void aRefusalWhoseWorkRolledBackStandsKeepsNothingButTheIdSeen() throws Exception {
        Delivery d = Delivery.signed();
        MockHttpServletResponse response = deliver(d, (req, res) -> {
            try {
                doWorkThatRollsBack(d, new IllegalArgumentException("refused"));
            } catch (IllegalArgumentException refused) {
                ((HttpServletResponse) res).setStatus(422);
                res.getWriter().write("{\"status\":422}");
            }
        });
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":422}");
        assertThat(kept(d.work())).isFalse();
        assertThat(kept("test-gateway:" + d.messageId())).isTrue(); // seen: the same delivery again is a 409
        assertThat(deliver(d.again(), (req, res) -> doWork(d)).getStatus()).isEqualTo(409);
        assertThat(kept(d.work())).isFalse();
    }

    /** The endpoint's work in a transaction of its own (a service's) that fails and rolls back. */
    private void doWorkThatRollsBack(Delivery d, RuntimeException failure) {
        new TransactionTemplate(transactions).executeWithoutResult(inner -> {
            doWork(d);
            throw failure;
        });
    }
}
