package kz.health.sanepid.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.health.sanepid.security.SignedGatewayRequest;
import kz.health.sanepid.sms.SmsSegments;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The management port after a demo run (the demo profile's 40 organisations and 10 persons, the job executor on):
 * liveness and readiness answer without credentials and show statuses only; /actuator/prometheus refuses a stranger
 * (401) and an officer outside the monitoring groups (403), and for an administrator holds the run's recipients per
 * outcome as the run's API counts them, every SMS the gateway accepted with its parts, the replies by disposition,
 * the open complaint by route, the consent granted by the agreeing reply, the job executor's counts, the incidents
 * per process and the SMS gateway's calls; and no IIN or phone number anywhere in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.process-engine-name=opsMetrics",
        "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles({"test", "demo"})
// Spring Boot's tests replace the Prometheus registry by a simple one unless asked
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class OpsMetricsTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Zhuie#Basqaru2026";
    static final String SPECIALIST = "specialist";
    static final String SPECIALIST_PASSWORD = "Sanepid#Maman2026";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagementService managementService;
    @Autowired StateGauges gauges;
    @LocalManagementPort int managementPort;

    @Test
    void theEndpointHoldsTheDemoRunsCounts() {
        // probes: no credentials, statuses only
        for (String probe : List.of("liveness", "readiness")) {
            ResponseEntity<String> answer = http.getForEntity(management("/actuator/health/" + probe), String.class);
            assertThat(answer.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(answer.getBody()).contains("\"status\":\"UP\"").doesNotContain("details");
        }
        assertThat(http.getForEntity(management("/actuator/prometheus"), String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.getForEntity(management("/actuator/health"), String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.withBasicAuth(SPECIALIST, SPECIALIST_PASSWORD).getForEntity(management("/actuator/prometheus"),
                String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("manager", "wrong").getForEntity(management("/actuator/prometheus"),
                String.class).getStatusCode().value()).isEqualTo(401);
        // the application's port does not serve the management endpoints
        assertThat(http.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isNotEqualTo(200);

        ResponseEntity<Map> started = http.withBasicAuth(SPECIALIST, SPECIALIST_PASSWORD).postForEntity("/api/sdu/runs",
                null, Map.class);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        String runId = (String) started.getBody().get("runId");
        settle(runId);
        List<String> waiting = jdbc.queryForList("SELECT DISTINCT phone FROM sdu_recipient WHERE run_id = ? AND outcome ="
                + " 'AWAITING_REPLY' ORDER BY phone", String.class, runId);
        assertThat(waiting).hasSizeGreaterThanOrEqualTo(3);
        sms(waiting.get(0), "1");
        sms(waiting.get(1), "2");
        sms(waiting.get(2), "maybe");
        settle(runId);
        ResponseEntity<Map> complaint = http.withBasicAuth("provider", "Qyzmet#Beru2026").postForEntity(
                "/api/complaints", Map.of("applicantId", "900101300017", "applicantName", "Үлгі Өтініш",
                        "applicantPhone", "+77011234567", "serviceCode", "2", "providerBin", "150340001236",
                        "appealedKind", "DECISION", "appealedText", "Refusal", "demands", "Issue it",
                        "addressee", "HEAD_OF_PROVIDER"), Map.class);
        assertThat(complaint.getStatusCode().value()).as(String.valueOf(complaint.getBody())).isEqualTo(201);

        gauges.refresh();
        ResponseEntity<String> scraped = http.withBasicAuth(ADMIN, ADMIN_PASSWORD)
                .getForEntity(management("/actuator/prometheus"), String.class);
        assertThat(scraped.getStatusCode().value()).as(scraped.getBody()).isEqualTo(200);
        String text = scraped.getBody();

        Map<String, Integer> counts = (Map<String, Integer>) http.withBasicAuth(SPECIALIST, SPECIALIST_PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId, Map.class).getBody().get("counts");
        assertThat(counts).containsKeys("AWAITING_REPLY");
        counts.forEach((outcome, n) -> assertThat(value(text, "sanepid_sdu_recipients", "run", runId, "outcome",
                outcome)).as(outcome).isEqualTo(n.doubleValue()));

        List<String> bodies = jdbc.queryForList("SELECT body FROM sms_outbox", String.class);
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(waiting.size());
        int segments = bodies.stream().mapToInt(b -> SmsSegments.of(b).segments()).sum();
        assertThat(value(text, "sanepid_sms_sent_total", "encoding", "UCS_2")).isEqualTo(bodies.size());
        assertThat(value(text, "sanepid_sms_segments_total", "encoding", "UCS_2")).isEqualTo(segments)
                .isGreaterThan(bodies.size());
        assertThat(value(text, "sanepid_port_calls_seconds_count", "port", "sms-gateway", "operation", "send",
                "outcome", "success")).isGreaterThanOrEqualTo(bodies.size());
        assertThat(value(text, "sanepid_port_calls_seconds_count", "port", "mobile-citizen-base", "outcome",
                "success")).isPositive();

        // a demo phone may head more than one organisation: one reply then answers each of its offers
        assertThat(value(text, "sanepid_sms_replies", "disposition", "CORRELATED")).isGreaterThanOrEqualTo(2)
                .isEqualTo(dispositions("CORRELATED"));
        assertThat(value(text, "sanepid_sms_replies", "disposition", "INVALID_TEXT")).isEqualTo(1)
                .isEqualTo(dispositions("INVALID_TEXT"));
        assertThat(value(text, "sanepid_complaints_open", "route", "HEAD_OF_PROVIDER")).isEqualTo(1);
        assertThat(value(text, "sanepid_complaints_open", "route", "REVIEWING_BODY")).isZero();
        assertThat(value(text, "sanepid_complaints_overdue", "route", "HEAD_OF_PROVIDER")).isZero();
        assertThat(value(text, "sanepid_consent_events", "type", "GRANTED")).isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM consent_event WHERE event_type = 'GRANTED'", Long.class)
                .doubleValue()).isPositive();
        assertThat(value(text, "sanepid_engine_jobs_total", "event", "acquired")).isPositive();
        assertThat(value(text, "sanepid_engine_jobs_total", "event", "executed")).isPositive();
        assertThat(value(text, "sanepid_engine_jobs_total", "event", "failed")).isZero();
        assertThat(value(text, "sanepid_engine_incidents_open", "process", "sdu-reissuance-recipient")).isZero();

        // no person's data in any label or value
        assertThat(Pattern.compile("(?<![0-9.])[0-9]{12}(?![0-9])").matcher(text).find()).isFalse();
        jdbc.queryForList("SELECT phone FROM sdu_recipient WHERE phone IS NOT NULL", String.class)
                .forEach(phone -> assertThat(text).doesNotContain(phone.substring(2)));
    }

    /** No executable job left and no recipient between states: the run is where the demo would leave it. */
    void settle(String runId) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                managementService.createJobQuery().executable().count() == 0
                        && jdbc.queryForObject("SELECT COUNT(*) FROM sdu_run WHERE run_id = ? AND status = 'STARTED_ALL'",
                        Long.class, runId) == 1
                        && jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome IN"
                        + " ('CANDIDATE', 'STARTED', 'PHONE_FOUND')", Long.class, runId) == 0);
    }

    double dispositions(String disposition) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound WHERE disposition = ?", Long.class,
                disposition);
    }

    void sms(String from, String text) {
        ResponseEntity<String> answer = http.postForEntity("/api/sms/inbound", SignedGatewayRequest.entity("demo-sms-gateway-secret-2026", Map.of("from", from,
                "text", text, "receivedAt", "2026-12-01T10:00:00Z")), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isLessThan(500);
    }

    String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    /** The sample of {@code name} whose labels include every given pair; fails when there is none. */
    static double value(String text, String name, String... labels) {
        return Arrays.stream(text.split("\n")).filter(line -> line.startsWith(name + "{")).filter(line -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
