package kz.health.sanepid.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import kz.health.sanepid.SanepidApplication;
import kz.health.sanepid.reissuance.RunLifecycle;
import kz.health.sanepid.reissuance.SduSettings;
import kz.health.sanepid.reissuance.StartRecipients;
import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import kz.health.sanepid.system.LocalPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10: an SDU run of N recipients on the embedded H2 file database, measured against the engine's floor, in one
 * JVM and one run. {@code mvn -q -Pbench verify -Dbench.n=10000} (the bench Maven profile runs only this class, with
 * -Xmx1g). Phases:
 * <ol>
 *   <li>generate exactly N recipients with {@link SyntheticRegistries} (organisations with the typical rates, then
 *       individuals with a certificate each for the rest) into a fresh database under target/bench;</li>
 *   <li>start an SDU run ({@link RunLifecycle#start}) and wait until every recipient has an outcome or waits for its
 *       reply with the SMS sent (ledger), the job executor doing the work;</li>
 *   <li>the engine floor, measured right after the run (same database size): a copy of the deployed
 *       sdu-reissuance-recipient BPMN (same steps, asynchronous continuations, wait states, timers, event
 *       sub-process) whose delegates and listeners are a no-op bean, N instances started in transactions of
 *       sanepid.sdu.batch-size, until all wait at the reply; then (if bench.floorReplies) the same replies ("2")
 *       correlated straight by business key, with the job executor stopped and in the order {@link #FLOOR_ORDER}
 *       names (random by default, as replies come);</li>
 *   <li>answer every waiting number through the real HTTP path (POST /api/sms/inbound with the gateway secret,
 *       bench.senders threads as the gateway's concurrent deliveries), 3 of 4 numbers "1", the rest "2":
 *       replies_per_s counts until every reply is correlated (no recipient left waiting); then phase 3b times the
 *       consent and re-issue jobs still running after the last correlation until every recipient has its final
 *       outcome (settle_per_s), unless bench.settle=false (settle_per_s=NaN; the figures after phase 3 then include
 *       the work still running).</li>
 * </ol>
 * The last line printed is {@code sdu-bench n=.. recipients_per_s=.. replies_per_s=.. floor_per_s=.. ratio=..
 * replies_ratio=.. settle_per_s=.. db_kb_per_recipient=.. heap_peak_mb=.. seconds=.. sms_messages=.. sms_segments=..
 * offer_sms=.. offers_covered=..} (replies_ratio: replies_per_s over the bare correlations of 4b; db_kb_per_recipient:
 * the file after the context closed; sms_*: every SMS the gateway took for the run and its segments; offer_sms: first
 * offer messages, one per number, covering offers_covered offers); the fuller report goes to target/sdu-bench-N.txt.
 */
class SduBenchmark {

    static final String FLOOR_PROCESS = "bench-floor-recipient";
    static final String SYNC_FLOOR_PROCESS = "bench-floor-synchronous";
    static final Path DIR = Path.of("target", "bench");
    private static final String[] OPEN_STATES = {"CANDIDATE", "STARTED", "HANDED_TO_PORTAL", "PHONE_FOUND"};
    /**
     * bench.db=postgres: the production database instead of the embedded H2 file, with the application's "postgres"
     * profile (its job executor and batch size) on a fresh database {@value #PG_DATABASE} of the local server
     * ({@link LocalPostgres}: scripts/start-postgres.sh, SANEPID_DB_PASSWORD, default the CI's). H2's statement statistics and store figures
     * are then not reported; the database's size is pg_database_size.
     */
    static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.db", "h2"));
    static final String PG_DATABASE = "sanepid_bench";
    static final String PG_HOST = "localhost:5432";

    /**
     * bench.warmup (2,000 by default, 0 for none): a whole cycle of that many recipients runs first in the same JVM, on
     * its own fresh database and application context, and is not counted (its report: target/sdu-bench-2000.txt).
     * Without it the JIT compilers took about half of the two cores through the measured run phase and the replies
     * (phase 2: 51.6 s of 97.3 s of CPU at 10,000), while the floor, measured after the run, found the engine's code
     * compiled already: the ratios at 10,000 measured the warm-up more than the application.
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 2000);

    /**
     * bench.floorOrder: the order of the bare correlations of phase 4b (timed with the job executor stopped, so the
     * correlations alone). {@code random} (the default): a seeded shuffle,
     * the replies' kind of order, so that the replies ratio compares like with like. {@code creation}: the order the
     * floor instances were started in, whose rows and index entries lie next to each other in H2's pages, which the
     * replies never find (docs/PERFORMANCE.md, 2026-12-03).
     */
    /** bench.floorReplies (true by default): phase 4b, the bare correlations the replies ratio divides by. */
    static final boolean FLOOR_REPLIES = Boolean.parseBoolean(System.getProperty("bench.floorReplies", "true"));

    /**
     * bench.floorRepliesLast (false by default): true runs phase 4b after phase 3 instead of right after the floor's
     * start, so that each correlates instances one other phase of like size separates from their start (phase 3's
     * recipients reached their wait in phase 2, before the floor started its own). Tried on 2026-12-04 to test
     * whether 4b found its rows in H2's page cache and phase 3 not: both read about 65 pages per recipient from the
     * file either way and the replies ratio stayed 0.57 (docs/PERFORMANCE.md); the floor's and phase 3's remaining
     * jobs then run at the end, which leaves the file larger when the context closes (19.8 against 14.1 KB).
     */
    static final boolean REPLIES_BEFORE_FLOOR_REPLIES = Boolean.parseBoolean(
            System.getProperty("bench.floorRepliesLast", "false"));

    static final String FLOOR_ORDER = floorOrder(System.getProperty("bench.floorOrder", "random"));

    private static String floorOrder(String order) {
        if (!order.equals("random") && !order.equals("creation")) {
            throw new IllegalArgumentException("bench.floorOrder is random or creation, not " + order);
        }
        return order;
    }

    @Test
    void sduRun() throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.n", "10000"));
        System.out.println(warmThenRun(n));
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(System.getProperty("bench.n", "10000"));
        System.out.println(warmThenRun(n));
        System.exit(0);
    }

    static String warmThenRun(int n) throws Exception {
        SduBenchmark measured = new SduBenchmark();
        if (WARMUP > 0) {
            SduBenchmark warmUp = new SduBenchmark();
            warmUp.warmUp = true;
            String warm = warmUp.run(WARMUP);
            System.out.println("warm-up, not counted: " + warm);
            System.gc(); // the warm-up's closed context, so that the measured heap figures start without it
            measured.line("warm-up: a whole cycle of %d recipients ran first in this JVM, not counted (report"
                    + " target/sdu-bench-%d.txt; -Dbench.warmup=0 for none): %s", WARMUP, WARMUP, warm);
        } else {
            measured.line("warm-up: none (-Dbench.warmup=0): the JIT compilers work through the measured phases");
        }
        return measured.run(n);
    }

    /**
     * bench.senders (8 by default): the gateway's concurrent deliveries in phase 3. The JDK keeps at most
     * http.maxConnections idle connections per server (5 unless set), so it is set to the senders' number before the
     * first connection: each sender keeps its own.
     */
    static final int SENDERS = Integer.getInteger("bench.senders", 8);

    static {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(SENDERS));
        }
    }

    private final StringBuilder report = new StringBuilder();
    /** The CPU the benchmark's gateway client (the sender threads of phase 3) took, in seconds. */
    private double clientCpuSeconds = Double.NaN;
    /** The warm-up cycle: no flight recordings. */
    private boolean warmUp;
    private final HeapSampler heap = new HeapSampler();
    private ConfigurableApplicationContext ctx;
    private JdbcTemplate jdbc;

    String run(int n) throws Exception {
        long t0 = System.nanoTime();
        deleteDir(DIR);
        Files.createDirectories(DIR);
        heap.start();
        if (POSTGRES) {
            LocalPostgres.freshDatabase(PG_HOST, PG_DATABASE);
        }
        ctx = new SpringApplicationBuilder(SanepidApplication.class)
                .profiles(POSTGRES ? new String[] {"bench", "postgres"} : new String[] {"bench"})
                .initializers(c -> c.getBeanFactory().registerSingleton(NoopDelegate.BEAN, new NoopDelegate()))
                .run(POSTGRES ? new String[] {"--spring.datasource.url=" + LocalPostgres.url(PG_HOST, PG_DATABASE),
                        "--spring.datasource.username=" + LocalPostgres.USER,
                        "--spring.datasource.password=" + LocalPostgres.PASSWORD}
                        : new String[0]);
        jdbc = ctx.getBean(JdbcTemplate.class);
        long tStarted = System.nanoTime();
        line("sdu-bench report, N=%d, %s", n, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("database: %s", POSTGRES ? "PostgreSQL " + jdbc.queryForObject("SHOW server_version", String.class)
                + ", " + PG_DATABASE + " (bench.db=postgres)" : "H2 file " + DIR.resolve("sdu.mv.db"));
        line("machine: %d cpus, max heap %d MB, java %s, load at start: %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), loadAverage());
        line("settings: history=%s, job executor %s, batch-size %s", ctx.getEnvironment().getProperty("camunda.bpm.history-level"),
                jobExecutorSettings(), ctx.getBean(kz.health.sanepid.reissuance.RecipientBatchSize.class).get());
        line("context start: %.1f s", secs(t0, tStarted));

        // 1. generate
        long g0 = System.nanoTime();
        generate(n);
        long g1 = System.nanoTime();
        line("phase 1 generate %d recipients: %.1f s", n, secs(g0, g1));

        // 2. the run until everyone has an outcome or waits for the reply
        sqlStats(true);
        long r0 = System.nanoTime();
        double[] cpu0 = cpuAndJit();
        String runId = ctx.getBean(RunLifecycle.class).start(null);
        // cheapest test first: the run has started every candidate, then nothing is left open
        waitUntil("run " + runId, () -> "STARTED_ALL".equals(jdbc.queryForObject("SELECT status FROM sdu_run WHERE run_id = ?",
                        String.class, runId)) && open(runId, OPEN_STATES) == 0
                        && jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ?", Long.class, runId) == n,
                () -> "outcomes " + outcomes(runId) + ",");
        long r1 = System.nanoTime();
        double recipientsPerS = n / secs(r0, r1);
        line("phase 2 run: %.1f s, %.1f recipients/s; outcomes %s", secs(r0, r1), recipientsPerS, outcomes(runId));
        cpuReport("phase 2", cpu0, r0, r1);
        sqlReport("phase 2", n);
        rows("after phase 2", n);

        // 4. the engine floor, right after the run: the same database size, the same machine state
        sqlStats(true);
        deployFloor();
        long f0 = System.nanoTime();
        double[] cpuF = cpuAndJit();
        startFloor(n);
        ManagementService management = ctx.getBean(ManagementService.class);
        waitUntil("floor", () -> management.createJobQuery().processDefinitionKey(FLOOR_PROCESS).messages().count() == 0);
        long f1 = System.nanoTime();
        double floorPerS = n / secs(f0, f1);
        line("phase 4 floor: %d instances to the reply wait in %.1f s: %.1f /s", n, secs(f0, f1), floorPerS);
        cpuReport("phase 4 floor", cpuF, f0, f1);
        sqlReport("phase 4 floor", n);
        double floorRepliesPerS = Double.NaN;
        if (FLOOR_REPLIES && !REPLIES_BEFORE_FLOOR_REPLIES) {
            floorRepliesPerS = floorReplies(n);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.syncFloor", "false"))) {
            // what the issue's reference shape would give: no asynchronous continuation before the reply wait;
            // batches started by as many threads as the job executor has, before the replies so that no job runs beside
            deployFloor(SYNC_FLOOR_PROCESS, true);
            int threads = ctx.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class, 3);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long s0 = System.nanoTime();
            List<Future<?>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slice = t;
                slices.add(pool.submit(() -> startFloor(SYNC_FLOOR_PROCESS, "sync" + slice, n / threads
                        + (slice < n % threads ? 1 : 0))));
            }
            for (Future<?> f : slices) {
                f.get();
            }
            long s1 = System.nanoTime();
            pool.shutdown();
            line("phase 4c synchronous floor (bench.syncFloor): %d instances to the reply wait inside their batch's"
                    + " transaction, %d threads, in %.1f s: %.1f /s", n, threads, secs(s0, s1), n / secs(s0, s1));
        }
        // 3. replies through POST /api/sms/inbound
        List<String> phones = jdbc.queryForList("SELECT DISTINCT phone FROM sdu_recipient WHERE run_id = ?"
                + " AND outcome = 'AWAITING_REPLY' ORDER BY phone", String.class, runId);
        long waiting = open(runId, "AWAITING_REPLY");
        // bench.jobsDuringReplies=false: the job executor stops for the replies and starts again after the last
        // correlation, as on intake nodes that run without one (camunda.bpm.job-execution.enabled=false) while other
        // nodes run the jobs: the reply path alone, not sharing the cores with the consent and re-issue jobs
        boolean jobsDuringReplies = Boolean.parseBoolean(System.getProperty("bench.jobsDuringReplies", "true"));
        var jobExecutor = jobExecutor();
        if (!jobsDuringReplies) {
            jobExecutor.shutdown();
        }
        sqlStats(true);
        SamplingRecording recording = recording("bench.jfrReplies");
        long p0 = System.nanoTime();
        double[] cpuP = cpuAndJit();
        Map<String, Double> threadsP = cpuByThreadGroup();
        long[] readsP = fileReads();
        Map<Integer, Long> statuses = sendReplies(phones);
        long pSent = System.nanoTime();
        // correlated: the reply is taken (REPLY_RECEIVED) or already ended the recipient (reply 2)
        waitUntil("replies correlated", () -> open(runId, "AWAITING_REPLY", "RESENT") == 0,
                () -> "outcomes " + outcomes(runId) + ",");
        long pCorrelated = System.nanoTime();
        cpuReport("phase 3 replies", cpuP, p0, pCorrelated);
        threadCpuReport("phase 3 replies", threadsP);
        fileReadReport("phase 3 replies", readsP, waiting);
        line("phase 3 the benchmark's gateway client (%d sender threads, HttpURLConnection, in this JVM): %.1f s of CPU,"
                + " %.2f ms per request", SENDERS, clientCpuSeconds, clientCpuSeconds * 1e3 / Math.max(1, phones.size()));
        recording.stopInto(file -> line("phase 3 flight recording: %s", file));
        if (!jobsDuringReplies) {
            jobExecutor.start();
            line("phase 3 without the job executor (bench.jobsDuringReplies=false): it stopped before the first reply"
                    + " and started again after the last correlation");
        }
        // then the asynchronous work the replies started (the consent call activity, the re-issue job): its own rate
        long reissues = open(runId, "REPLY_RECEIVED");
        boolean settle = Boolean.parseBoolean(System.getProperty("bench.settle", "true"));
        if (settle) {
            waitUntil("replies settled", () -> open(runId, "CANDIDATE", "STARTED", "HANDED_TO_PORTAL", "PHONE_FOUND",
                    "AWAITING_REPLY", "RESENT", "REPLY_RECEIVED") == 0, () -> "outcomes " + outcomes(runId) + ",");
        }
        long p1 = System.nanoTime();
        double repliesPerS = waiting / secs(p0, pCorrelated);
        double settlePerS = settle ? reissues / secs(pCorrelated, p1) : Double.NaN;
        line("phase 3 replies: %d recipients waiting, %d numbers answered (HTTP statuses %s) in %.1f s (%.1f requests/s),"
                        + " all correlated after %.1f s: %.1f replies/s; outcomes %s", waiting, phones.size(), statuses,
                secs(p0, pSent), phones.size() / secs(p0, pSent), secs(p0, pCorrelated), repliesPerS, outcomes(runId));
        if (settle) {
            line("phase 3b settle: %d recipients still in consent or re-issue when the last reply was correlated, all"
                    + " final %.1f s later: %.1f recipients/s (%.1f s from the first reply)", reissues,
                    secs(pCorrelated, p1), settlePerS, secs(p0, p1));
        } else {
            line("phase 3b settle: not awaited (bench.settle=false); %d recipients still in consent or re-issue when the"
                    + " last reply was correlated", reissues);
        }
        line("incidents: %d", ctx.getBean(RuntimeService.class).createIncidentQuery().count());
        sqlReport("phase 3", waiting);
        rows("after phase 3", n);
        if (FLOOR_REPLIES && REPLIES_BEFORE_FLOOR_REPLIES) {
            floorRepliesPerS = floorReplies(n);
        }
        storage(n);
        Map<String, Object> sms = ctx.getBean(kz.health.sanepid.reissuance.SmsCost.class).ofRun(runId);
        line("SMS of the run (messages, offers covered and segments by step; by language): %s", sms.entrySet().stream()
                .filter(e -> !e.getKey().equals("texts")).map(e -> e.getKey() + "=" + e.getValue()).toList());
        Map<String, Long> firstOffers = ((Map<String, Map<String, Long>>) sms.get("byStep"))
                .getOrDefault("OFFER_1", Map.of("messages", 0L, "offers", 0L));
        long smsMessages = ((Number) sms.get("messages")).longValue();
        long smsSegments = ((Number) sms.get("segments")).longValue();
        kz.health.sanepid.reissuance.SmsCost.texts().forEach((name, t) -> line("  SMS text %-34s %s %4s units %2s segments",
                name, t.get("encoding"), t.get("units"), t.get("segments")));
        line("heap: peak used (sampled every 100 ms) %d MB; peak after GC (live set) %d MB; sum of pool peaks %d MB",
                heap.peakUsed() >> 20, heap.peakAfterGc() >> 20, heap.poolPeaks() >> 20);
        ctx.close();
        heap.stop();
        double closedMb = dbSizeMb();
        line("database file after the context closed: %.1f MB (%.1f KB per recipient)", closedMb, closedMb * 1024 / n);
        long t1 = System.nanoTime();
        compactedSize(n);
        double seconds = secs(t0, t1);
        String result = String.format(Locale.ROOT, "sdu-bench n=%d recipients_per_s=%.1f replies_per_s=%.1f floor_per_s=%.1f"
                        + " ratio=%.2f replies_ratio=%.2f settle_per_s=%.1f db_kb_per_recipient=%.1f heap_peak_mb=%d seconds=%.1f"
                        + " sms_messages=%d sms_segments=%d offer_sms=%d offers_covered=%d", n,
                recipientsPerS, repliesPerS, floorPerS, recipientsPerS / floorPerS, repliesPerS / floorRepliesPerS,
                settlePerS, closedMb * 1024 / n, heap.peakUsed() >> 20, seconds, smsMessages, smsSegments,
                firstOffers.get("messages"), firstOffers.get("offers"));
        line("phases: start %.1f s, generate %.1f s, run %.1f s, replies %.1f s, floor %.1f s, total %.1f s",
                secs(t0, tStarted), secs(g0, g1), secs(r0, r1), secs(p0, p1), secs(f0, f1), seconds);
        line("load at end: %s", loadAverage());
        line("%s", result);
        Files.writeString(Path.of("target", "sdu-bench-" + n + ".txt"), report.toString());
        return result;
    }

    // ---- phases ----------------------------------------------------------------------------------------------------

    /**
     * Phase 4b: the floor's replies ("2"), correlated straight by business key with the job executor stopped, so the
     * correlations alone, as the replies of phase 3 are (RepliesFirst holds the job executor while SMS come in); the
     * jobs the floor's reply 2 leaves (its way to the end) run after the timed part.
     */
    private double floorReplies(int n) throws Exception {
        ManagementService management = ctx.getBean(ManagementService.class);
        var floorJobs = jobExecutor();
        floorJobs.shutdown();
        sqlStats(true);
        SamplingRecording floorRecording = recording("bench.jfrFloorReplies");
        long c0 = System.nanoTime();
        double[] cpuC = cpuAndJit();
        Map<String, Double> threadsC = cpuByThreadGroup();
        long[] readsC = fileReads();
        correlateFloor(n);
        long c1 = System.nanoTime();
        fileReadReport("phase 4b floor replies", readsC, n);
        floorRecording.stopInto(file -> line("phase 4b flight recording: %s", file));
        cpuReport("phase 4b floor replies", cpuC, c0, c1);
        threadCpuReport("phase 4b floor replies", threadsC);
        line("phase 4b floor replies: %d correlations (reply 2, straight by business key, 2 threads, %s order:"
                        + " bench.floorOrder; the job executor stopped) in %.1f s: %.1f /s", n, FLOOR_ORDER,
                secs(c0, c1), n / secs(c0, c1));
        sqlReport("phase 4b floor replies", n);
        floorJobs.start();
        waitUntil("floor jobs", () -> management.createJobQuery().processDefinitionKey(FLOOR_PROCESS).count() == 0);
        line("phase 4b after the correlations: the floor's remaining jobs ran in %.1f s (not timed)",
                secs(c1, System.nanoTime()));
        return n / secs(c0, c1);
    }

    /** Exactly n recipients: organisations (typical rates) for about 70%, then individuals with a certificate. */
    private void generate(int n) {
        SyntheticRegistries synthetic = ctx.getBean(SyntheticRegistries.class);
        Instant to = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant from = to.minus(30, ChronoUnit.DAYS);
        GeneratedPopulation orgs = synthetic.generate(GeneratorSpec.typical(10L, (int) (n * 0.7 / 0.99), 0, from, to));
        int rest = n - orgs.recipients().size();
        GeneratedPopulation people = synthetic.generate(new GeneratorSpec(11L, 0, rest, 0.0, 0.05, 0.05, 0.05, 0.05,
                0.10, from, to));
        line("generated: %d recipients from %d organisations, %d from %d individuals",
                orgs.recipients().size(), (int) (n * 0.7 / 0.99), people.recipients().size(), rest);
        if (orgs.recipients().size() + people.recipients().size() != n) {
            throw new IllegalStateException("generated " + (orgs.recipients().size() + people.recipients().size()));
        }
    }

    /**
     * Every number answered through POST /api/sms/inbound, signed as the gateway signs, by bench.senders threads (the
     * gateway's concurrent deliveries). The client is the JDK's {@link java.net.HttpURLConnection}: synchronous, each
     * sender thread keeps its connection alive and does all of its client's work itself (java.net.http's client,
     * used until 2026-12-03, adds a selector thread and a worker pool, about 4 s of the 2 cores at 10,000). A real
     * gateway does not share the node's cores, so the sender threads' CPU is summed into {@link #clientCpuSeconds}
     * and reported beside the phase.
     */
    private Map<Integer, Long> sendReplies(List<String> phones) throws Exception {
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        String secret = ctx.getEnvironment().getProperty("sanepid.gateways.sms-secret");
        java.net.URL inbound = URI.create("http://localhost:" + port + "/api/sms/inbound").toURL();
        int threads = SENDERS;
        AtomicLong senderNumber = new AtomicLong();
        AtomicLong clientCpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> new Thread(r, "bench-sender-" + senderNumber.incrementAndGet()));
        Map<Integer, AtomicLong> counts = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            futures.add(pool.submit(() -> {
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = slice; i < phones.size(); i += threads) {
                    String body = "{\"from\":\"" + phones.get(i) + "\",\"text\":\"" + (i % 4 == 3 ? "2" : "1")
                            + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    var connection = (java.net.HttpURLConnection) inbound.openConnection();
                    connection.setRequestMethod("POST");
                    connection.setDoOutput(true);
                    connection.setFixedLengthStreamingMode(bytes.length);
                    connection.setRequestProperty("Content-Type", "application/json");
                    kz.health.sanepid.security.SignedGatewayRequest.headers(secret, body)
                            .forEach(connection::setRequestProperty);
                    try (var out = connection.getOutputStream()) {
                        out.write(bytes);
                    }
                    int status = connection.getResponseCode();
                    // the whole answer read and the stream closed: the connection goes back for the next request
                    try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                        if (answer != null) {
                            answer.readAllBytes();
                        }
                    }
                    counts.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                clientCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        clientCpuSeconds = clientCpuNanos.get() / 1e9;
        Map<Integer, Long> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    /** A copy of the deployed recipient BPMN: same shape, every delegate and end listener the no-op bean. */
    private void deployFloor() throws IOException {
        deployFloor(FLOOR_PROCESS, false);
    }

    /**
     * The floor copy under {@code key}; {@code synchronous} also drops every asynchronous continuation, so an instance
     * runs to its reply wait inside the transaction that starts it (the issue's reference shape).
     */
    private void deployFloor(String key, boolean synchronous) throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + StartRecipients.RECIPIENT_PROCESS + ".bpmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String floor = xml.replace("id=\"" + StartRecipients.RECIPIENT_PROCESS + "\"", "id=\"" + key + "\"")
                .replaceAll("delegateExpression=\"\\$\\{sdu[A-Za-z]+}\"", "delegateExpression=\"\\${" + NoopDelegate.BEAN + "}\"");
        if (synchronous) {
            floor = floor.replace(" camunda:asyncBefore=\"true\"", "");
        }
        if (floor.matches("(?s).*delegateExpression=\"\\$\\{sdu.*") || floor.contains("sduLedger") || !floor.contains(key)) {
            throw new IllegalStateException("the floor copy still calls the application");
        }
        ctx.getBean(RepositoryService.class).createDeployment().name(key).addString(key + ".bpmn", floor).deploy();
    }

    /** N floor instances, started like StartRecipients does: sanepid.sdu.batch-size per transaction, one thread. */
    private void startFloor(int n) {
        startFloor(FLOOR_PROCESS, "floor", n);
    }

    private void startFloor(String key, String prefix, int n) {
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        int batch = ctx.getBean(kz.health.sanepid.reissuance.RecipientBatchSize.class).get();
        for (int from = 0; from < n; from += batch) {
            int first = from;
            tx.executeWithoutResult(s -> {
                for (int i = first; i < Math.min(n, first + batch); i++) {
                    String iin = String.format("%012d", i);
                    runtime.startProcessInstanceByKey(key, prefix + ":" + iin + ":P" + i, StartRecipients.variables(iin));
                }
            });
        }
    }

    /**
     * The floor's N replies, 2 threads, in the order {@link #FLOOR_ORDER} names: by default a seeded shuffle of the
     * instances, because the replies of phase 3 reach their recipients in an order that has nothing to do with the
     * order the run started them in (phone order over recipients started in candidate order); {@code creation}
     * correlates them in the order they were started, as this phase did until 2026-12-03.
     */
    private void correlateFloor(int n) throws Exception {
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        if (FLOOR_ORDER.equals("random")) {
            java.util.Collections.shuffle(order, new java.util.Random(19));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int slice = t;
            futures.add(pool.submit(() -> {
                for (int k = slice; k < n; k += 2) {
                    int i = order.get(k);
                    runtime.createMessageCorrelation("SmsReply").processInstanceBusinessKey("floor:" + String.format("%012d", i) + ":P" + i)
                            .setVariable("replyDigit", "2").correlateWithResult();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * A flight recording of one phase into the file the system property names (bench.jfrReplies for phase 3,
     * bench.jfrFloorReplies for 4b), in the measured run only: none in the warm-up cycle, none without the property.
     */
    private SamplingRecording recording(String property) {
        return SamplingRecording.start(warmUp ? null : System.getProperty(property));
    }

    /**
     * A flight recording: execution samples every 10 ms and nothing else, for where the CPU goes within a phase. Its
     * phase's rates do not count: starting the first recording in the JVM makes the JIT compile again (28.7 s of JIT
     * in a recorded 4b against 0.8 s unrecorded, docs/PERFORMANCE.md 2026-12-03). No file: nothing recorded.
     */
    record SamplingRecording(jdk.jfr.Recording recording, String file) {

        static SamplingRecording start(String file) {
            if (file == null) {
                return new SamplingRecording(null, null);
            }
            jdk.jfr.Recording recording = new jdk.jfr.Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            return new SamplingRecording(recording, file);
        }

        void stopInto(java.util.function.Consumer<String> written) throws IOException {
            if (recording == null) {
                return;
            }
            recording.stop();
            recording.dump(Path.of(file));
            recording.close();
            written.accept(file);
        }
    }

    // ---- measurements ----------------------------------------------------------------------------------------------

    /** Recipients of the run in these states: one index range per state (an IN list made H2 count the whole run). */
    private long open(String runId, String... states) {
        long sum = 0;
        for (String state : states) {
            sum += jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome = ?", Long.class,
                    runId, state);
        }
        return sum;
    }

    private Map<String, Long> outcomes(String runId) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.query("SELECT outcome, COUNT(*) FROM sdu_recipient WHERE run_id = ? GROUP BY outcome ORDER BY outcome",
                rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return m;
    }

    private void waitUntil(String what, BooleanSupplier done) throws InterruptedException {
        waitUntil(what, done, () -> "");
    }

    private void waitUntil(String what, BooleanSupplier done, java.util.function.Supplier<String> progress)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastPrint = start;
        while (!done.getAsBoolean()) {
            Thread.sleep(1000);
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                lastPrint = System.nanoTime();
                System.err.printf("  ... %s: %.0f s, %s heap %d MB, load %s%n", what, secs(start, lastPrint),
                        progress.get(), heap.peakUsed() >> 20, loadAverage());
            }
            if (System.nanoTime() - start > Duration.ofHours(3).toNanos()) {
                throw new IllegalStateException(what + " did not finish in 3 hours");
            }
        }
    }

    /** H2's statement statistics (per distinct SQL): reset at the start of a phase. */
    private void sqlStats(boolean on) {
        if (POSTGRES) {
            return;
        }
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        if (on) {
            jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    private void sqlReport(String phase, long per) {
        if (POSTGRES) {
            return;
        }
        List<Object[]> stats = jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, CUMULATIVE_ROW_COUNT"
                + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS", (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2),
                rs.getDouble(3), rs.getLong(4)});
        long count = stats.stream().mapToLong(s -> (Long) s[1]).sum();
        double ms = stats.stream().mapToDouble(s -> (Double) s[2]).sum();
        long writes = stats.stream().filter(s -> isWrite((String) s[0])).mapToLong(s -> (Long) s[1]).sum();
        long commits = stats.stream().filter(s -> ((String) s[0]).strip().equalsIgnoreCase("COMMIT")).mapToLong(s -> (Long) s[1]).sum();
        long appCount = stats.stream().filter(s -> !((String) s[0]).toUpperCase(Locale.ROOT).contains("ACT_")
                        && !((String) s[0]).strip().equalsIgnoreCase("COMMIT") && !((String) s[0]).strip().equalsIgnoreCase("ROLLBACK"))
                .mapToLong(s -> (Long) s[1]).sum();
        line("%s SQL: %d statements (%.1f per recipient: %.1f commits, %.1f writes, %.1f on application tables), %.1f s"
                        + " inside H2 (%d distinct)", phase, count, (double) count / per, (double) commits / per,
                (double) writes / per, (double) appCount / per,
                ms / 1000, stats.size());
        stats.sort(Comparator.comparingDouble((Object[] s) -> (Double) s[2]).reversed());
        for (Object[] s : stats.subList(0, Math.min(25, stats.size()))) {
            line("   %8d x  %8.0f ms  %6.2f/rcpt  %s", s[1], s[2], (Long) s[1] / (double) per, abbreviate((String) s[0]));
        }
    }

    private static boolean isWrite(String sql) {
        String s = sql.strip().toUpperCase(Locale.ROOT);
        return s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("MERGE");
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 150 ? s.substring(0, 150) + "..." : s;
    }

    private void rows(String when, int n) {
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_SCHEMA)"
                + " = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", String.class);
        StringBuilder engine = new StringBuilder();
        StringBuilder app = new StringBuilder();
        long runtime = 0;
        long history = 0;
        for (String t : tables) {
            long c = jdbc.queryForObject("SELECT COUNT(*) FROM " + (POSTGRES ? t : "\"" + t + "\""), Long.class);
            if (c == 0) {
                continue;
            }
            String cell = String.format(Locale.ROOT, " %s=%.2f", t.toLowerCase(Locale.ROOT), (double) c / n);
            String name = t.toUpperCase(Locale.ROOT);
            if (name.startsWith("ACT_RU_")) {
                runtime += c;
                engine.append(cell);
            } else if (name.startsWith("ACT_HI_")) {
                history += c;
                engine.append(cell);
            } else if (!name.startsWith("ACT_") && !name.startsWith("FLYWAY")) {
                app.append(cell);
            }
        }
        line("rows per recipient %s: ACT_RU_* %.2f, ACT_HI_* %.2f;%s", when, (double) runtime / n, (double) history / n, engine);
        line("   application tables (per recipient):%s", app);
    }

    /** The file size per recipient, how full H2's store is, and what each table holds (H2's DISK_SPACE_USED). */
    private void storage(int n) throws IOException {
        if (POSTGRES) {
            double mb = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class) / 1048576.0;
            line("database (pg_database_size): %.1f MB (%.1f KB per recipient)", mb, mb * 1024 / n);
            return;
        }
        double mb = dbSizeMb();
        line("database file: %.1f MB (%.1f KB per recipient)", mb, mb * 1024 / n);
        StringBuilder info = new StringBuilder();
        jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'"
                + " OR SETTING_NAME IN ('RETENTION_TIME', 'WRITE_DELAY', 'MAX_COMPACT_TIME') ORDER BY SETTING_NAME",
                rs -> {
                    info.append(' ').append(rs.getString(1)).append('=').append(rs.getString(2));
                });
        line("   H2 store:%s", info);
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_TYPE = 'BASE TABLE'", String.class);
        List<Object[]> used = new ArrayList<>();
        long total = 0;
        for (String t : tables) {
            long bytes = jdbc.queryForObject("SELECT DISK_SPACE_USED(?)", Long.class, "PUBLIC.\"" + t + "\"");
            total += bytes;
            used.add(new Object[] {t, bytes});
        }
        used.sort(Comparator.comparingLong((Object[] u) -> (Long) u[1]).reversed());
        StringBuilder top = new StringBuilder();
        for (Object[] u : used.subList(0, Math.min(12, used.size()))) {
            top.append(String.format(Locale.ROOT, " %s=%.1f", ((String) u[0]).toLowerCase(Locale.ROOT), (Long) u[1] / 1024.0 / n));
        }
        line("   tables and their indexes, KB per recipient (DISK_SPACE_USED): all %.1f;%s", total / 1024.0 / n, top);
    }

    /** The same file after SHUTDOWN COMPACT: the live data, without the chunks H2 has not reclaimed yet. */
    private void compactedSize(int n) {
        if (POSTGRES) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + DIR.resolve("sdu").toAbsolutePath(), "sa", "");
                var st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (Exception e) {
            line("SHUTDOWN COMPACT failed: %s", e);
            return;
        }
        try {
            double mb = dbSizeMb();
            line("database file after SHUTDOWN COMPACT (not part of the run): %.1f MB (%.1f KB per recipient)", mb, mb * 1024 / n);
        } catch (IOException e) {
            line("size after compaction unknown: %s", e);
        }
    }

    private static double dbSizeMb() throws IOException {
        if (POSTGRES) {
            try (Connection c = DriverManager.getConnection(LocalPostgres.url(PG_HOST, PG_DATABASE),
                    LocalPostgres.USER, LocalPostgres.PASSWORD);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1) / 1048576.0;
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.mapToLong(p -> p.toFile().length()).sum() / 1048576.0;
        }
    }

    private org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor() {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) ctx.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
    }

    private String jobExecutorSettings() {
        var env = ctx.getEnvironment();
        var executor = jobExecutor();
        return String.format("core %s / max %s threads, queue %s, maxJobsPerAcquisition %d, waitTime %d ms, lockTime %d ms;"
                        + " pool %s connections", env.getProperty("camunda.bpm.job-execution.core-pool-size", "3 (default)"),
                env.getProperty("camunda.bpm.job-execution.max-pool-size", "10 (default)"),
                env.getProperty("camunda.bpm.job-execution.queue-capacity", "3 (default)"),
                executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(), executor.getLockTimeInMillis(),
                env.getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.err.println(s);
    }

    /**
     * The process's CPU time and the JIT compiler threads' CPU time so far, in seconds: on Linux from
     * /proc/self/task (the threads named "C1/C2 CompilerThread", user and system ticks at 100 per second; a compiler
     * thread that ended takes its time with it), elsewhere the compilers' elapsed time.
     */
    private static double[] cpuAndJit() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
        Map<String, Double> threads = cpuByThreadGroup();
        if (!threads.isEmpty()) {
            jit = threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
        return new double[] {os.getProcessCpuTime() / 1e9, jit};
    }

    /**
     * CPU seconds so far per group of threads (Linux: /proc/self/task, the thread's name as the kernel keeps it, 15
     * characters, with its digits taken out, so that "http-nio-auto-1-exec-7" and "-exec-3" are one group); empty
     * elsewhere. A thread that ended takes its time with it.
     */
    private static Map<String, Double> cpuByThreadGroup() {
        Map<String, Double> groups = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return groups;
        }
        try (var threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    groups.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            // no split, then
        }
        return groups;
    }

    /** H2's page reads from its file so far and their bytes (info.FILE_READ, info.FILE_READ_BYTES); none on PostgreSQL. */
    private long[] fileReads() {
        if (POSTGRES) {
            return new long[] {0, 0};
        }
        long[] reads = new long[2];
        jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                + " ('info.FILE_READ', 'info.FILE_READ_BYTES')", rs -> {
                    reads[rs.getString(1).endsWith("BYTES") ? 1 : 0] = Long.parseLong(rs.getString(2));
                });
        return reads;
    }

    /** The pages a phase read from H2's file because they were not in its cache. */
    private void fileReadReport(String phase, long[] from, long recipients) {
        if (POSTGRES) {
            return;
        }
        long[] to = fileReads();
        line("%s H2 file reads (pages not in its cache): %d, %.1f per recipient, %.1f MB", phase, to[0] - from[0],
                (double) (to[0] - from[0]) / recipients, (to[1] - from[1]) / 1048576.0);
    }

    /** The thread groups that took the most CPU between two {@link #cpuByThreadGroup()} readings. */
    private void threadCpuReport(String phase, Map<String, Double> from) {
        Map<String, Double> to = cpuByThreadGroup();
        StringBuilder top = new StringBuilder();
        to.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(10)
                .forEach(e -> top.append(String.format(Locale.ROOT, " %s=%.1f", e.getKey(), e.getValue())));
        line("%s CPU by thread (s):%s", phase, top);
    }

    /** How busy the cores were during a phase, and how much of it the JIT compilers took. */
    private void cpuReport(String phase, double[] from, long t0, long t1) {
        double[] to = cpuAndJit();
        double wall = secs(t0, t1);
        line("%s CPU: %.1f s of CPU in %.1f s (%.2f of %d cores busy), of which JIT compilation %.1f s",
                phase, to[0] - from[0], wall, (to[0] - from[0]) / wall, Runtime.getRuntime().availableProcessors(),
                to[1] - from[1]);
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void deleteDir(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Heap used sampled every 100 ms (MemoryMXBean), and the heap pools' peaks (MemoryPoolMXBean). */
    static final class HeapSampler {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running;

        void start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            running = true;
            Thread t = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        void stop() {
            running = false;
        }

        private void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (u != null) {
                    afterGc += u.getUsed();
                }
            }
            peakAfterGc.accumulateAndGet(afterGc, Math::max);
        }

        long peakUsed() {
            sample();
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }
}
