package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import kz.health.sanepid.synthetic.ExpectedOutcome;
import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A run of about 1,000 generated recipients through the REST API with the job executor on (its own context and
 * database): every recipient reaches an outcome of items 6-10 or waits for the SMS reply (item 11), and the
 * ledger's counts match what the generator drew. The context is closed afterwards so its job executor stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=3",
        "camunda.bpm.job-execution.max-pool-size=3",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=30",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "sanepid.sdu.batch-size=250",
        // a second engine in the JVM must not take the name "default" from the shared test context's engine
        // (engine-rest and the webapps look the engine up by name)
        "camunda.bpm.process-engine-name=sduEndToEnd",
        // nor may a second copy of the webapps start and stop in it: they keep their runtime (Admin, Cockpit,
        // Tasklist, Welcome) in JVM-wide statics that a servlet context clears when it stops, and the shared
        // context's webapp servlets that start after that fail with 500 (before their CSRF filter could answer 403)
        "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
// not in the process coverage: the coverage library's collector is not thread-safe, and with the job executor on it
// is still being written to by the job threads when the report is written (ConcurrentModificationException); the
// same paths are covered by RecipientProcessTest and RunProcessTest
@ExcludeFromProcessCoverage
class SduEndToEndTest {

    @Autowired SyntheticRegistries synthetic;
    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aRunOfAThousandGeneratedRecipientsMatchesTheGeneratorsRates() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-07-01T03:00:00Z")));
        fixtures.users();
        GeneratedPopulation population = synthetic.generate(GeneratorSpec.typical(2026L, 760, 280,
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z")));
        int size = population.recipients().size();
        assertThat(size).isBetween(950, 1100);

        ResponseEntity<Map> answer = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/runs", null, Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        String runId = (String) answer.getBody().get("runId");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Long unsettled = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome IN"
                    + " ('CANDIDATE', 'STARTED', 'HANDED_TO_PORTAL', 'PHONE_FOUND')", Long.class, runId);
            return ledger.countRecipients(runId) == size && unsettled == 0;
        });

        Map<ExpectedOutcome, Long> expected = population.expectedCounts();
        ResponseEntity<Map> view = http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId, Map.class);
        assertThat(view.getBody()).containsEntry("status", "STARTED_ALL").containsEntry("candidates", size);
        Map<String, Integer> counts = (Map<String, Integer>) view.getBody().get("counts");
        assertThat(counts).containsOnlyKeys("EXCLUDED_MISSING_OR_DEAD", "EXCLUDED_ABROAD", "EXCLUDED_INCAPABLE",
                "EXCLUDED_IMPRISONED", "NO_PHONE", "AWAITING_REPLY");
        assertThat(counts.get("EXCLUDED_MISSING_OR_DEAD").longValue()).isEqualTo(expected.get(ExpectedOutcome.EXCLUDED_MISSING_OR_DEAD));
        assertThat(counts.get("EXCLUDED_ABROAD").longValue()).isEqualTo(expected.get(ExpectedOutcome.EXCLUDED_ABROAD));
        assertThat(counts.get("EXCLUDED_INCAPABLE").longValue()).isEqualTo(expected.get(ExpectedOutcome.EXCLUDED_INCAPABLE));
        assertThat(counts.get("EXCLUDED_IMPRISONED").longValue()).isEqualTo(expected.get(ExpectedOutcome.EXCLUDED_IMPRISONED));
        assertThat(counts.get("NO_PHONE").longValue()).isEqualTo(expected.get(ExpectedOutcome.NO_PHONE));
        assertThat(counts.get("AWAITING_REPLY").longValue()).isEqualTo(expected.get(ExpectedOutcome.SMS_SENT));

        // each recipient reached the outcome the generator drew for it, and each offer SMS went out once
        for (GeneratedPopulation.Recipient r : population.recipients()) {
            RecipientOutcome outcome = ledger.recipient(Candidate.businessKey(runId, r.recipientIin(), r.permitId()))
                    .orElseThrow().outcome();
            assertThat(outcome.name()).isEqualTo(r.expected() == ExpectedOutcome.SMS_SENT ? "AWAITING_REPLY" : r.expected().name());
        }
        // one offer SMS per number (the head of an organisation with two permits gets one for both), naming them
        long numbers = population.recipients().stream().filter(r -> r.expected() == ExpectedOutcome.SMS_SENT)
                .map(GeneratedPopulation.Recipient::phone).distinct().count();
        assertThat(numbers).isLessThan(expected.get(ExpectedOutcome.SMS_SENT));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE message_key LIKE ?", Long.class, runId + ":%#1"))
                .isEqualTo(numbers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_cover c JOIN sdu_recipient r ON r.business_key ="
                + " c.business_key WHERE r.run_id = ? AND c.attempt = 1", Long.class, runId))
                .isEqualTo(expected.get(ExpectedOutcome.SMS_SENT));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .count()).isEqualTo(expected.get(ExpectedOutcome.SMS_SENT));
    }
}
