package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway endpoints take signed requests only: a captured request sent again is refused (409 inside the window,
 * 401 after it) and changes nothing; a changed body or a wrong key is 401; the shared secret alone is not enough
 * outside the demo profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayReplayTest {

    static final String SMS_SECRET = "demo-sms-gateway-secret-2026";
    static final String CONSENT_SECRET = "demo-consent-service-secret-2026";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aCapturedSmsReplyReplayedIsRefusedAndChangesNothing() {
        String body = "{\"from\":\"+77770000042\",\"text\":\"1\",\"receivedAt\":\"" + ClockUtil.now().toInstant() + "\"}";
        Map<String, String> captured = SignedGatewayRequest.headers(SMS_SECRET, body);
        assertThat(post("/api/sms/inbound", body, captured)).isEqualTo(404); // an unknown number, logged
        long logged = inboundRows();
        assertThat(logged).isPositive();

        assertThat(post("/api/sms/inbound", body, captured)).isEqualTo(409);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 6 * 60_000));
        assertThat(post("/api/sms/inbound", body, captured)).isEqualTo(401);
        assertThat(inboundRows()).isEqualTo(logged);
    }

    @Test
    void aChangedBodyAWrongKeyOrAnOldTimestampIsRefused() {
        String body = "{\"from\":\"+77770000043\",\"text\":\"1\",\"receivedAt\":\"" + ClockUtil.now().toInstant() + "\"}";
        Map<String, String> signed = SignedGatewayRequest.headers(SMS_SECRET, body);
        long before = inboundRows();
        assertThat(post("/api/sms/inbound", body.replace("\"1\"", "\"2\""), signed)).isEqualTo(401);
        assertThat(post("/api/sms/inbound", body, SignedGatewayRequest.headers(CONSENT_SECRET, body))).isEqualTo(401);
        long sixMinutesAgo = ClockUtil.now().toInstant().getEpochSecond() - 360;
        assertThat(post("/api/sms/inbound", body, SignedGatewayRequest.headers(SMS_SECRET, body, sixMinutesAgo,
                UUID.randomUUID().toString()))).isEqualTo(401);
        assertThat(post("/api/sms/inbound", body, Map.of(GatewaySignature.SECRET_HEADER, SMS_SECRET))).isEqualTo(401);
        assertThat(inboundRows()).isEqualTo(before);
    }

    @Test
    void aReplayedConsentAnswerIsRefused() {
        String body = "{\"requestId\":\"KDP-replay-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"answer\":\"GRANTED\"}";
        Map<String, String> captured = SignedGatewayRequest.headers(CONSENT_SECRET, body);
        assertThat(post("/api/consent-service/answers", body, captured)).isEqualTo(404);
        assertThat(post("/api/consent-service/answers", body, captured)).isEqualTo(409);
        assertThat(post("/api/consent-service/answers", body, Map.of(GatewaySignature.SECRET_HEADER, CONSENT_SECRET)))
                .isEqualTo(401);
    }

    private int post(String path, String body, Map<String, String> signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        signature.forEach(headers::set);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private long inboundRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound", Long.class);
    }
}
