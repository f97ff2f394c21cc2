package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.health.sanepid.security.SignedGatewayRequest;
import kz.health.sanepid.SanepidApplication;
import kz.health.sanepid.engine.LeanFullHistory;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.synthetic.ExpectedOutcome;
import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Camunda 7's cluster model on PostgreSQL: two application processes (separate JVMs, different ports, distinct
 * engine host names) share one fresh database. An SDU run of about 5,000 generated recipients is launched on node 1;
 * the SMS gateway's replies go to both nodes alternately (as a load balancer would spread them); node 2 is killed
 * (no shutdown) while the run is under way. Afterwards every recipient has exactly one ledger row with the outcome
 * the generator drew (or the one its reply leads to), every offer SMS went out once, every agreed permit was
 * replaced once and delivered to the cabinet once, no incident is left, and both nodes' job executors ran jobs.
 * <p>
 * System properties: {@code sanepid.cluster.nodes} (2; 1 measures a single node), {@code sanepid.cluster.kill}
 * (true; false for a clean measurement), {@code sanepid.cluster.recipients} (5000), {@code sanepid.cluster.minutes}
 * (15: the most the run may take from its launch to the last outcome). The figures are printed as a
 * line starting {@code CLUSTER-FIGURES} and written to target/cluster-figures.txt.
 */
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
class TwoNodeClusterTest {

    private static final String DATABASE = "sanepid_cluster";
    private static final String HOST = System.getProperty("sanepid.cluster.db-host", "localhost:5432");
    private static final String DB_USER = LocalPostgres.USER;
    private static final String DB_PASSWORD = LocalPostgres.PASSWORD;
    private static final String URL = LocalPostgres.url(HOST, DATABASE);
    private static final String SPECIALIST = "clusterspecialist";
    private static final String PASSWORD = "Klaster#Synaq2026";
    private static final String GATEWAY_SECRET = "demo-sms-gateway-secret-2026";
    /** Ledger states before an outcome or the wait for the reply (items 6-11 still under way). */
    private static final Set<String> IN_FLIGHT = Set.of("CANDIDATE", "STARTED", "HANDED_TO_PORTAL", "PHONE_FOUND");
    private static final Set<String> FINAL = Set.of("EXCLUDED_MISSING_OR_DEAD", "EXCLUDED_ABROAD",
            "EXCLUDED_INCAPABLE", "EXCLUDED_IMPRISONED", "NO_PHONE", "REISSUED", "REFUSED", "NO_REPLY",
            "CONSENT_REFUSED", "CONSENT_REVOKED", "FAILED");

    private final int nodeCount = Integer.getInteger("sanepid.cluster.nodes", 2);
    private final boolean kill = Boolean.parseBoolean(System.getProperty("sanepid.cluster.kill", "true"))
            && nodeCount > 1;
    private final int wanted = Integer.getInteger("sanepid.cluster.recipients", 5000);
    private final Duration patience = Duration.ofMinutes(Integer.getInteger("sanepid.cluster.minutes", 15));

    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ProcessEngine client;

    record Node(String name, int port, Process process, Path log) {
        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(n -> n.process().destroyForcibly());
        if (client != null) {
            client.close();
        }
    }

    @Test
    void twoNodesShareTheRunAndNothingHappensTwice() throws Exception {
        LocalPostgres.freshDatabase(HOST, DATABASE);
        // the first node creates the engine's schema and runs Flyway; the others join the existing schema
        nodes.add(startNode(1));
        awaitUp(nodes.get(0));
        for (int i = 2; i <= nodeCount; i++) {
            nodes.add(startNode(i));
        }
        nodes.forEach(this::awaitUp);

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(URL, DB_USER, DB_PASSWORD));
        // identical auto-deployments from every node: the deployment lock and duplicate filtering keep one version
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForList("SELECT key_ FROM act_re_procdef GROUP BY key_ HAVING COUNT(*) > 1")).isEmpty();
        users();

        Instant now = Instant.now();
        int organisations = wanted * 73 / 100;
        GeneratedPopulation population = new SyntheticRegistries(jdbc).generate(GeneratorSpec.typical(8L,
                organisations, wanted * 27 / 100, now.minus(Duration.ofDays(10)), now.minus(Duration.ofHours(1))));
        int size = population.recipients().size();
        assertThat(size).isBetween(wanted * 9 / 10, wanted * 11 / 10);
        Map<String, String> digitByPhone = new HashMap<>();
        population.recipients().stream().filter(r -> r.expected() == ExpectedOutcome.SMS_SENT)
                .forEach(r -> digitByPhone.put(r.phone(), replyDigit(r.phone())));

        Instant started = Instant.now();
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(nodes.get(0).uri("/api/sdu/runs"))
                .header("Authorization", basic(SPECIALIST, PASSWORD)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        String runId = field(run.body(), "runId");

        Gateway gateway = new Gateway(jdbc, runId, digitByPhone);
        Thread answering = new Thread(gateway, "sms-gateway");
        answering.start();
        Instant settled = null;
        Instant killedAt = null;
        try {
            Instant deadline = started.plus(patience);
            while (Instant.now().isBefore(deadline)) {
                Map<String, Long> counts = outcomes(jdbc, runId);
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                long inFlight = counts.entrySet().stream().filter(e -> IN_FLIGHT.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                long done = counts.entrySet().stream().filter(e -> FINAL.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                if (kill && killedAt == null && total == size && total - inFlight >= size * 4L / 10) {
                    Node victim = nodes.get(nodes.size() - 1);
                    gateway.lose(victim);
                    victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    killedAt = Instant.now();
                    System.out.println("CLUSTER killed " + victim.name() + " at " + counts);
                }
                if (settled == null && total == size && inFlight == 0) {
                    settled = Instant.now();
                }
                if (settled != null && done == size && gateway.idle()) {
                    break;
                }
                Thread.sleep(500);
            }
        } finally {
            gateway.stop();
            answering.join(30_000);
        }
        Instant finished = Instant.now();

        Map<String, Long> counts = outcomes(jdbc, runId);
        System.out.println("CLUSTER outcomes " + counts + " replies " + gateway.statuses);
        assertThat(settled).as("all recipients reached an outcome or the reply wait: %s", counts).isNotNull();
        assertThat(gateway.failures.get()).as("gateway requests refused").isZero();
        if (kill) {
            assertThat(killedAt).as("a node was killed while the run was under way").isNotNull();
        }

        // every recipient reached exactly one outcome: one ledger row each, the one the generator (or the reply) says
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT recipient_iin, permit_id, outcome, new_permit_id"
                + " FROM sdu_recipient WHERE run_id = ?", runId);
        assertThat(rows).hasSize(size);
        Map<String, String> outcomeByOffer = new HashMap<>();
        for (Map<String, Object> row : rows) {
            assertThat(outcomeByOffer.put(row.get("recipient_iin") + ":" + row.get("permit_id"),
                    (String) row.get("outcome"))).isNull();
        }
        int reissued = 0;
        for (GeneratedPopulation.Recipient r : population.recipients()) {
            String expected = r.expected() == ExpectedOutcome.SMS_SENT
                    ? ("1".equals(digitByPhone.get(r.phone())) ? "REISSUED" : "REFUSED") : r.expected().name();
            reissued += "REISSUED".equals(expected) ? 1 : 0;
            assertThat(outcomeByOffer.get(r.recipientIin() + ":" + r.permitId()))
                    .as("outcome of permit %s", r.permitId()).isEqualTo(expected);
        }
        long offers = population.expectedCounts().get(ExpectedOutcome.SMS_SENT);
        // one offer SMS per number and run (issue 16): the head of an organisation with two permits gets one
        long numbers = population.recipients().stream().filter(r -> r.expected() == ExpectedOutcome.SMS_SENT)
                .map(GeneratedPopulation.Recipient::phone).distinct().count();

        // no job ran twice to a visible effect: one offer SMS per offer and no resend, one replacement permit and
        // one cabinet delivery per agreed offer, no incident
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE message_key LIKE ?", Long.class,
                runId + ":%#1")).isEqualTo(numbers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE message_key LIKE ?", Long.class,
                runId + ":%")).isEqualTo(numbers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit p JOIN sdu_recipient r ON p.replaces_permit_id"
                + " = r.permit_id WHERE r.run_id = ?", Long.class, runId)).isEqualTo(reissued);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT new_permit_id) FROM sdu_recipient WHERE run_id = ?",
                Long.class, runId)).isEqualTo(reissued);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cabinet_delivery c JOIN sdu_recipient r ON c.permit_id"
                + " = r.new_permit_id WHERE r.run_id = ?", Long.class, runId)).isEqualTo(reissued);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL",
                Long.class)).isZero();

        // both nodes' job executors did work (the job log records the engine's host name)
        Map<String, Long> jobsByNode = jdbc.queryForList("SELECT hostname_, COUNT(*) AS n FROM act_hi_job_log"
                + " WHERE job_state_ = 2 GROUP BY hostname_").stream()
                .collect(Collectors.toMap(m -> String.valueOf(m.get("hostname_")), m -> ((Number) m.get("n")).longValue()));
        System.out.println("CLUSTER jobs by node " + jobsByNode);
        for (Node node : nodes) {
            assertThat(jobsByNode.getOrDefault(node.name(), 0L)).as("jobs run by %s", node.name()).isPositive();
        }
        for (Node node : nodes) {
            assertThat(gateway.repliesByNode.getOrDefault(node.name(), new AtomicInteger()).get())
                    .as("replies through %s", node.name()).isPositive();
        }

        double toWaiting = size / seconds(started, settled);
        double replies = gateway.sent.get() / seconds(gateway.firstReply(), finished);
        String figures = String.format(java.util.Locale.ROOT, "CLUSTER-FIGURES nodes=%d killed=%s recipients=%d"
                        + " offers=%d settledIn=%.1fs recipientsPerSecond=%.1f replies=%d repliesPerSecond=%.1f"
                        + " allFinalIn=%.1fs jobsByNode=%s cores=%d", nodeCount, killedAt != null, size, offers,
                seconds(started, settled), toWaiting, gateway.sent.get(), replies, seconds(started, finished),
                jobsByNode, Runtime.getRuntime().availableProcessors());
        System.out.println(figures);
        Files.writeString(Path.of("target", "cluster-figures.txt"), figures + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Plays the SMS gateway: answers each offer once it waits, spreading replies over the live nodes in turn. */
    private final class Gateway implements Runnable {
        private final JdbcTemplate jdbc;
        private final String runId;
        private final Map<String, String> digitByPhone;
        private final Set<String> answered = ConcurrentHashMap.newKeySet();
        private final List<Node> live = new java.util.concurrent.CopyOnWriteArrayList<>(nodes);
        private final ExecutorService senders = Executors.newFixedThreadPool(6);
        private final AtomicInteger turn = new AtomicInteger();
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong first = new AtomicLong();
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> repliesByNode = new ConcurrentHashMap<>();
        private volatile boolean running = true;

        Gateway(JdbcTemplate jdbc, String runId, Map<String, String> digitByPhone) {
            this.jdbc = jdbc;
            this.runId = runId;
            this.digitByPhone = digitByPhone;
        }

        void lose(Node node) {
            live.remove(node);
        }

        boolean idle() {
            return pending.get() == 0;
        }

        Instant firstReply() {
            return Instant.ofEpochMilli(first.get());
        }

        void stop() throws InterruptedException {
            running = false;
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }

        @Override
        public void run() {
            while (running) {
                // one reply per offer SMS received: a number with two offers answers twice when the second offer
                // waits after the first reply was taken (a reply answers only the offers waiting at that moment)
                for (Map<String, Object> offer : jdbc.queryForList("SELECT business_key, phone FROM sdu_recipient"
                        + " WHERE run_id = ? AND outcome = 'AWAITING_REPLY'", runId)) {
                    if (answered.add((String) offer.get("business_key"))) {
                        String phone = (String) offer.get("phone");
                        pending.incrementAndGet();
                        first.compareAndSet(0, System.currentTimeMillis());
                        senders.submit(() -> reply(phone));
                    }
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void reply(String phone) {
            try {
                String body = "{\"from\":\"" + phone + "\",\"text\":\"" + digitByPhone.get(phone)
                        + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
                for (int attempt = 0; attempt < 6; attempt++) {
                    Node node = live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
                    try {
                        HttpRequest.Builder signed = HttpRequest.newBuilder(node.uri("/api/sms/inbound"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
                        // each attempt is a delivery of its own: signed now, with a new message id
                        SignedGatewayRequest.headers(GATEWAY_SECRET, body).forEach(signed::header);
                        HttpResponse<String> answer = http.send(signed.POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() == 200 || answer.statusCode() == 202) {
                            repliesByNode.computeIfAbsent(node.name(), n -> new AtomicInteger()).incrementAndGet();
                            sent.incrementAndGet();
                            return;
                        }
                        System.out.println("CLUSTER reply refused by " + node.name() + ": " + answer.statusCode()
                                + " " + answer.body());
                    } catch (IOException e) {
                        // the node went away mid-request: the gateway (or a load balancer) tries the next one
                    }
                }
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    /** Every fifth number refuses (2), the others agree (1). */
    private static String replyDigit(String phone) {
        return phone.charAt(phone.length() - 1) % 5 == 0 ? "2" : "1";
    }

    private static Map<String, Long> outcomes(JdbcTemplate jdbc, String runId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT outcome, COUNT(*) AS n FROM sdu_recipient WHERE run_id = ? GROUP BY outcome", runId)
                .forEach(m -> counts.put((String) m.get("outcome"), ((Number) m.get("n")).longValue()));
        return counts;
    }

    /** The specialist who starts the run, written through a client engine on the shared database (no job executor). */
    private void users() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(URL).setJdbcDriver("org.postgresql.Driver").setJdbcUsername(DB_USER)
                .setJdbcPassword(DB_PASSWORD).setDatabaseSchemaUpdate("false").setJobExecutorActivate(false)
                .setHistory(LeanFullHistory.NAME).setProcessEngineName("clusterTestClient");
        configuration.setCustomHistoryLevels(List.of(new LeanFullHistory()));
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        client = configuration.buildProcessEngine();
        IdentityService identity = client.getIdentityService();
        if (identity.createGroupQuery().groupId(Roles.SANEPID_SPECIALISTS).count() == 0) {
            identity.saveGroup(identity.newGroup(Roles.SANEPID_SPECIALISTS));
        }
        User user = identity.newUser(SPECIALIST);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(SPECIALIST, Roles.SANEPID_SPECIALISTS);
    }

    private Node startNode(int index) throws IOException {
        String name = "node-" + index;
        int port = freePort();
        Path log = Path.of("target", "cluster-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Duser.timezone=Asia/Almaty", "-Dfile.encoding=UTF-8", "-cp", applicationClassPath(),
                SanepidApplication.class.getName(),
                "--spring.profiles.active=postgres",
                // the embedded ДҚБ grants at once (the demo's behaviour; no longer the embedded adapter's default)
                "--sanepid.consent-service.embedded.default-answer=GRANTED",
                "--server.port=" + port,
                // two nodes on one machine: each its own management port (the default 8081 would be taken twice)
                "--management.server.port=0",
                // the job log and Cockpit tell the nodes apart by the engine's host name
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // a killed node's jobs are free again after the lock time; shorter than in production (2 minutes)
                // so that the test sees the take-over, still longer than the slowest job on a loaded machine
                "--camunda.bpm.job-execution.lock-time-in-millis=60000",
                "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SANEPID_DB_URL", URL);
        builder.environment().put("SANEPID_DB_USER", DB_USER);
        builder.environment().put("SANEPID_DB_PASSWORD", DB_PASSWORD);
        return new Node(name, port, builder.start(), log);
    }

    /** The test JVM's class path without the test classes (their fixtures are Spring components) and Surefire. */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitUp(Node node) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            assertThat(node.process().isAlive()).as("%s died, see %s", node.name(), node.log()).isTrue();
            return http.send(HttpRequest.newBuilder(node.uri("/api/sdu/runs/none")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }

}
