package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.reissuance.Candidate;
import kz.health.sanepid.synthetic.ExpectedOutcome;
import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The application as its own process on a file H2 database, with the job executor on: an SDU run of about 2,000
 * generated recipients is launched over REST, the process is killed with SIGKILL mid-run and started again. Every
 * recipient then ends in exactly one ledger outcome, no offer SMS went out twice, and the run's counts match the
 * generator's. Runs under -Psystem.
 */
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
class KillAndRestartTest {

    static final String SPECIALIST = "specialist:Sanepid#Maman2026";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    final List<Process> children = new ArrayList<>();
    Path dir;
    String url;
    int port;

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aRunKilledMidWayFinishesAfterARestartWithEveryRecipientOnceAndNoSmsTwice() throws Exception {
        dir = Files.createDirectories(Path.of("target", "kill-and-restart-" + System.currentTimeMillis()));
        url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sanepid") + ";AUTO_SERVER=TRUE";
        // the application's tables first, then the registries the run collects from (the demo set then stays out);
        // one connection, closed before the application opens the file
        SingleConnectionDataSource setup = new SingleConnectionDataSource(url, "sa", "", true);
        Flyway.configure().dataSource(setup).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        Instant now = Instant.now();
        GeneratedPopulation population = new SyntheticRegistries(new JdbcTemplate(setup)).generate(
                GeneratorSpec.typical(4242L, 1520, 560, now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(1))));
        setup.destroy();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        int size = population.recipients().size();
        assertThat(size).isBetween(1900, 2200);

        port = freePort();
        Process first = start("first");
        awaitUp(first);
        JsonNode started = JSON.readTree(call("POST", "/api/sdu/runs", "{}").body());
        String runId = started.get("runId").asText();

        // kill it while recipients are being started and checked
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome <> 'CANDIDATE'",
                        Long.class, runId) >= size / 5);
        first.destroyForcibly().waitFor();
        long settledAtKill = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome NOT IN"
                + " ('CANDIDATE', 'STARTED', 'HANDED_TO_PORTAL', 'PHONE_FOUND')", Long.class, runId);
        assertThat(settledAtKill).as("killed mid-run").isLessThan(size);

        Process second = start("second");
        awaitUp(second);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long unsettled = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome IN"
                    + " ('CANDIDATE', 'STARTED', 'HANDED_TO_PORTAL', 'PHONE_FOUND')", Long.class, runId);
            long total = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ?", Long.class, runId);
            return total == size && unsettled == 0;
        });

        // every recipient once, with the outcome the generator drew; each offer SMS once per number
        Map<ExpectedOutcome, Long> expected = population.expectedCounts();
        JsonNode counts = JSON.readTree(call("GET", "/api/sdu/runs/" + runId, null).body()).get("counts");
        for (ExpectedOutcome outcome : expected.keySet()) {
            String name = outcome == ExpectedOutcome.SMS_SENT ? "AWAITING_REPLY" : outcome.name();
            assertThat(counts.path(name).asLong()).as(name).isEqualTo(expected.get(outcome));
        }
        for (GeneratedPopulation.Recipient r : population.recipients()) {
            String key = Candidate.businessKey(runId, r.recipientIin(), r.permitId());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE business_key = ?", Long.class, key))
                    .isOne();
        }
        // one offer SMS per number of the run (issue 16: the offers of one number share one message)
        long numbers = population.recipients().stream().filter(r -> r.expected() == ExpectedOutcome.SMS_SENT)
                .map(GeneratedPopulation.Recipient::phone).distinct().count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE message_key LIKE ?", Long.class,
                runId + ":%")).isEqualTo(numbers);
        assertThat(jdbc.queryForList("SELECT to_phone, COUNT(*) FROM sms_outbox WHERE message_key LIKE ? GROUP BY"
                + " to_phone, message_key HAVING COUNT(*) > 1", runId + ":%")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class)).isZero();
        second.destroy();
        second.waitFor();
    }

    Process start(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx700m", "-Duser.timezone=Asia/Almaty", "-Dfile.encoding=UTF-8",
                "-cp", applicationClassPath(), "kz.health.sanepid.SanepidApplication",
                "--spring.profiles.active=demo", "--server.port=" + port, "--management.server.port=0", "--spring.datasource.url=" + url,
                "--camunda.bpm.job-execution.enabled=true",
                // the killed process's job locks expire after this (the engine's default is 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=60000", "--sanepid.demo.organisations=0",
                "--sanepid.demo.individuals=0", "--sanepid.sdu.batch-size=250",
                "--logging.level.root=WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        children.add(process);
        return process;
    }

    /** The main classes and the dependencies, without the test classes (their stub diagrams, test adapters). */
    static String applicationClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(full.split(File.pathSeparator)).filter(e -> !e.endsWith("test-classes")
                && !e.endsWith("test-classes/")).distinct().collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    void awaitUp(Process process) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(process.isAlive()).as("the application stopped; see " + dir).isTrue();
            try {
                return call("GET", "/api/calendar/days-off?year=2026", null).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(SPECIALIST.getBytes(
                        StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
