package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.SanepidApplication;
import kz.health.sanepid.security.SignedGatewayRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The restore of docs/PRODUCTION.md ("Backup and restore"), run as written: a node on PostgreSQL (a server of this
 * test's own) runs the demo's SDU run until its recipients wait for their replies and two complaints wait in review;
 * {@code pg_dump -Fc} while the node runs; {@code pg_restore} into a fresh database; a new node on it finds every
 * recipient and complaint once, where it was, each reply timer due when it was, and a reply after the restore is
 * correlated. Runs under -Psystem.
 */
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
class BackupRestoreTest {

    static final String RECIPIENTS = "SELECT business_key, outcome FROM sdu_recipient ORDER BY business_key";
    static final String TIMERS = "SELECT e.BUSINESS_KEY_, j.DUEDATE_ FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e"
            + " ON e.ID_ = j.PROCESS_INSTANCE_ID_ WHERE j.TYPE_ = 'timer' AND e.BUSINESS_KEY_ IS NOT NULL"
            + " ORDER BY e.BUSINESS_KEY_, j.DUEDATE_";
    static final String TASKS = "SELECT e.BUSINESS_KEY_, t.TASK_DEF_KEY_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e"
            + " ON e.ID_ = t.PROC_INST_ID_ ORDER BY e.BUSINESS_KEY_, t.TASK_DEF_KEY_";
    static final String INSTANCES = "SELECT BUSINESS_KEY_, COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL"
            + " AND BUSINESS_KEY_ IS NOT NULL GROUP BY BUSINESS_KEY_ ORDER BY BUSINESS_KEY_";

    @Test
    void aDumpTakenDuringARunRestoresIntoANodeThatCarriesOn() throws Exception {
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            postgres.createDatabase("sanepid_backup");
            Path dump = postgres.dir.resolve("sanepid.dump");
            List<Map<String, Object>> recipients;
            List<Map<String, Object>> timers;
            List<Map<String, Object>> tasks;
            List<Map<String, Object>> instances;
            String phone;
            try (ConfigurableApplicationContext node = node(postgres, "sanepid_backup")) {
                TestRestTemplate http = http(node);
                ResponseEntity<Map> run = http.withBasicAuth("specialist", "Sanepid#Maman2026")
                        .postForEntity("/api/sdu/runs", null, Map.class);
                assertThat(run.getStatusCode().value()).isEqualTo(201);
                String runId = (String) run.getBody().get("runId");
                JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM sdu_run WHERE run_id = ? AND status = 'STARTED_ALL'",
                                Long.class, runId) == 1 && jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient"
                                + " WHERE outcome IN ('CANDIDATE', 'STARTED', 'PHONE_FOUND')", Long.class) == 0
                                && jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'message'",
                                Long.class) == 0);
                for (Map<String, String> addressee : List.of(Map.of("addressee", "HEAD_OF_PROVIDER"),
                        Map.of("addressee", "REVIEWING_BODY", "reviewingBody", "AUTHORISED_BODY"))) {
                    Map<String, Object> body = new java.util.HashMap<>(addressee);
                    body.putAll(Map.of("applicantId", "900101300017", "applicantName", "Үлгі Өтініш",
                            "applicantPhone", "+77011234567", "serviceCode", "2", "providerBin", "150340001236",
                            "appealedKind", "DECISION", "appealedText", "Refusal", "demands", "Issue it"));
                    ResponseEntity<Map> complaint = http.withBasicAuth("provider", "Qyzmet#Beru2026").postForEntity(
                            "/api/complaints", body, Map.class);
                    assertThat(complaint.getStatusCode().value()).as(String.valueOf(complaint.getBody()))
                            .isEqualTo(201);
                }
                await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK"
                        + " t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ JOIN complaint c"
                        + " ON c.complaint_id = e.BUSINESS_KEY_", Long.class) >= 2);

                // the backup, while the node runs
                PrivatePostgres.run(postgres.tool("pg_dump"), "-h", "localhost", "-p", String.valueOf(postgres.port),
                        "-U", PrivatePostgres.USER, "-Fc", "-f", dump.toString(), "sanepid_backup");
                recipients = jdbc.queryForList(RECIPIENTS);
                timers = jdbc.queryForList(TIMERS);
                tasks = jdbc.queryForList(TASKS);
                instances = jdbc.queryForList(INSTANCES);
                phone = jdbc.queryForObject("SELECT MIN(phone) FROM sdu_recipient WHERE outcome = 'AWAITING_REPLY'",
                        String.class);
            }
            assertThat(recipients).hasSizeGreaterThan(20);
            assertThat(timers).isNotEmpty();
            assertThat(phone).isNotNull();

            // the restore into a fresh database, and a node on it
            postgres.createDatabase("sanepid_restored");
            PrivatePostgres.run(postgres.tool("pg_restore"), "-h", "localhost", "-p", String.valueOf(postgres.port),
                    "-U", PrivatePostgres.USER, "--no-owner", "-d", "sanepid_restored", dump.toString());
            try (ConfigurableApplicationContext node = node(postgres, "sanepid_restored")) {
                JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList(RECIPIENTS)).isEqualTo(recipients);
                assertThat(jdbc.queryForList(TIMERS)).isEqualTo(timers);
                assertThat(jdbc.queryForList(TASKS)).isEqualTo(tasks);
                assertThat(jdbc.queryForList(INSTANCES)).isEqualTo(instances)
                        .allSatisfy(row -> assertThat(((Number) row.get("count")).longValue()).isEqualTo(1));

                ResponseEntity<String> reply = http(node).postForEntity("/api/sms/inbound", SignedGatewayRequest.entity("demo-sms-gateway-secret-2026", Map.of(
                        "from", phone, "text", "2", "receivedAt", "2026-12-01T10:00:00Z")), String.class);
                assertThat(reply.getStatusCode().value()).as(reply.getBody()).isLessThan(300);
                await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM"
                        + " sdu_recipient WHERE phone = ? AND outcome = 'AWAITING_REPLY'", Long.class, phone) == 0);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound WHERE from_phone = ? AND"
                        + " disposition = 'CORRELATED'", Long.class, phone)).isPositive();
            }
        }
    }

    static ConfigurableApplicationContext node(PrivatePostgres postgres, String database) {
        return new SpringApplicationBuilder(SanepidApplication.class).profiles("demo", "postgres").run(
                "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + postgres.url(database),
                "--spring.datasource.username=" + PrivatePostgres.USER, "--spring.datasource.password=unused",
                "--camunda.bpm.job-execution.wait-time-in-millis=200");
    }

    static TestRestTemplate http(ConfigurableApplicationContext node) {
        TestRestTemplate http = new TestRestTemplate();
        http.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(
                "http://localhost:" + node.getEnvironment().getProperty("local.server.port")));
        return http;
    }
}
