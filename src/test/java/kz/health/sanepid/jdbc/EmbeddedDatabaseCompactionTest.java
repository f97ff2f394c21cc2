package kz.health.sanepid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import kz.health.sanepid.SanepidApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: the application's stop gives an H2 file's dead chunks back. The application runs on its own H2 file,
 * writes about 80 MB in many small transactions (as the engine's commits do) and deletes 90 % of it again, and
 * stops; the file is then at most half of what it was (about the live data), with no error in H2's trace file. The
 * control: the same writes on a plain H2 connection and H2's ordinary close (at most {@code MAX_COMPACT_TIME}, 200 ms,
 * of compaction) leave more than twice the compacted file. H2's fill rate is not the measure: its background writer
 * rewrites sparse chunks while it can, and both files read 99-100 % after a reopen (seen in a CI run).
 */
class EmbeddedDatabaseCompactionTest {

    /**
     * The dead chunks stay in the file until our compaction, so that the test measures only that: H2's background
     * chunk rewrite is off (AUTO_COMPACT_FILL_RATE=0) for every file here, the control's too, and {@link #writeAndDelete}
     * checkpoints each round before its deletes. Without the checkpoint the file measured before was sometimes
     * nearly empty (188,416 bytes in two CI runs, 679,936 here, against 81.7 MB with it in 12 of 12 measurements): H2
     * keeps up to about 19 MB of commits in memory and never writes rows deleted in the meantime.
     */
    static final String KEEP_DEAD_CHUNKS = ";DB_CLOSE_ON_EXIT=FALSE;AUTO_COMPACT_FILL_RATE=0";

    @TempDir Path dir;

    @Test
    void theStopCompactsTheFileToItsLiveData() throws Exception {
        Stopped stopped = runAndStop("compacted");
        assertThat(stopped.bytesAfter()).as("the stop leaves at most half the file (%s)", stopped)
                .isLessThanOrEqualTo(stopped.bytesBefore() / 2);
        assertThat(dir.resolve("compacted.trace.db")).as("no error in H2's trace file").doesNotExist();
    }

    @Test
    void withoutItAnOrdinaryCloseLeavesTheDeadChunks() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath() + KEEP_DEAD_CHUNKS;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) { // the control: H2's own close
            writeAndDelete(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                    connection, true)));
        }
        long control = Files.size(dir.resolve("plain.mv.db"));
        Stopped compacted = runAndStop("compacted");
        assertThat(control).as("the control: dead chunks stay after an ordinary close (%s)", compacted)
                .isGreaterThan(2 * compacted.bytesAfter());
    }

    /**
     * The stop waits for a transaction still running (a job executor thread's last job, at the stop of a busy
     * application) before it compacts: that transaction commits, and the file is compacted after it. Fails without the
     * pause: the compaction closed the database under the transaction (the benchmark's stop with 7,000 jobs running:
     * ClosedChannelException in the jobs' commits, an MVStore read error in the compaction).
     */
    @Test
    void theStopWaitsForATransactionStillRunning() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("busy").toAbsolutePath() + KEEP_DEAD_CHUNKS;
        ConfigurableApplicationContext context = startOn(url, "compactionbusy");
        writeAndDelete(context.getBean(JdbcTemplate.class));
        Path file = dir.resolve("busy.mv.db");
        long before = Files.size(file);
        Connection inFlight = context.getBean(DataSource.class).getConnection();
        inFlight.setAutoCommit(false);
        try (Statement insert = inFlight.createStatement()) {
            insert.executeUpdate("INSERT INTO compaction_probe VALUES (-2, 'in flight')");
        }
        CompletableFuture<Void> stop = CompletableFuture.runAsync(context::close);
        Thread.sleep(1500);
        assertThat(stop).as("the stop waits for the transaction still running").isNotDone();
        inFlight.commit();
        inFlight.close();
        stop.get(60, TimeUnit.SECONDS);
        long after = Files.size(file);
        assertThat(after).as("compacted after it (%d -> %d bytes)", before, after).isLessThanOrEqualTo(before / 2);
        try (Connection reopened = DriverManager.getConnection(url, "sa", "");
             Statement query = reopened.createStatement();
             ResultSet row = query.executeQuery("SELECT payload FROM compaction_probe WHERE id = -2")) {
            assertThat(row.next()).as("the transaction's row, committed").isTrue();
            assertThat(row.getString(1)).isEqualTo("in flight");
        }
        assertThat(dir.resolve("busy.trace.db")).as("no error in H2's trace file").doesNotExist();
    }

    /**
     * The nightly compaction of a running application (EmbeddedDatabaseMaintenance): the file goes back to about its
     * live data while the application stays up; a query that asks for a connection during it waits and then gets its
     * answer; the job executor runs again afterwards; no error in H2's trace file. Fails without the maintenance (the
     * file stays).
     */
    @Test
    void aRunningApplicationCompactsOnlineAndGoesOn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("online").toAbsolutePath() + KEEP_DEAD_CHUNKS;
        try (ConfigurableApplicationContext context = startOn(url, "compactionOnline",
                "--camunda.bpm.job-execution.enabled=true")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            writeAndDelete(jdbc);
            Path file = dir.resolve("online.mv.db");
            long before = Files.size(file);
            var jobs = ((ProcessEngineConfigurationImpl) context
                    .getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
            assertThat(jobs.isActive()).as("the job executor runs before").isTrue();
            var waiting = Executors.newSingleThreadExecutor();
            Future<Integer> during;
            boolean compacted;
            try (var holding = context.getBean(DataSource.class).getConnection()) {
                // a connection lent out: the compaction waits for it, and a query asked for meanwhile waits for both
                var maintenance = CompletableFuture.supplyAsync(
                        context.getBean(EmbeddedDatabaseMaintenance.class)::compactNow);
                Thread.sleep(300);
                during = waiting.submit(() -> jdbc.queryForObject("SELECT COUNT(*) FROM compaction_probe", Integer.class));
                Thread.sleep(300);
                assertThat(maintenance).as("the compaction waits for the connection lent out").isNotDone();
                assertThat(during).as("a query asked for during it waits").isNotDone();
                holding.close();
                compacted = maintenance.get(60, TimeUnit.SECONDS);
            }
            assertThat(compacted).isTrue();
            assertThat(during.get(60, TimeUnit.SECONDS)).as("the waiting query's answer")
                    .isEqualTo(100);
            waiting.shutdown();
            long after = Files.size(file);
            assertThat(after).as("online: at most half the file (%d -> %d bytes)", before, after)
                    .isLessThanOrEqualTo(before / 2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM compaction_probe", Integer.class)).isEqualTo(100);
            jdbc.update("INSERT INTO compaction_probe VALUES (?, ?)", -1, "after");
            assertThat(jobs.isActive()).as("the job executor runs again").isTrue();
        }
        assertThat(dir.resolve("online.trace.db")).as("no error in H2's trace file").doesNotExist();
    }

    record Stopped(long bytesBefore, long bytesAfter, int chunksFillRate) {
    }

    Stopped runAndStop(String name) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + KEEP_DEAD_CHUNKS;
        ConfigurableApplicationContext context = startOn(url, "compaction" + name);
        writeAndDelete(context.getBean(JdbcTemplate.class));
        Path file = dir.resolve(name + ".mv.db");
        long before = Files.size(file);
        context.close();
        long after = Files.size(file);
        return new Stopped(before, after, chunksFillRate(url));
    }

    /** The application on its own H2 file; the engine's name without a hyphen, else the engine would be "default". */
    static ConfigurableApplicationContext startOn(String url, String engineName, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.webapp.enabled=false", "--spring.datasource.url=" + url));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(SanepidApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    static void writeAndDelete(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE compaction_probe (id INT PRIMARY KEY, payload VARCHAR(4000))");
        String payload = "x".repeat(4000);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 1000; i++) { // one small transaction per row, as the engine's commits are
                jdbc.update("INSERT INTO compaction_probe VALUES (?, ?)", round * 1000 + i, payload);
            }
            // the round's rows into the file before they are deleted: else H2 may keep up to about 19 MB of commits
            // in memory and never write rows deleted meanwhile (a file of 188 KB "before" in a CI run, 680 KB here)
            jdbc.execute("CHECKPOINT");
            jdbc.update("DELETE FROM compaction_probe WHERE id < ?", round * 1000 + 900);
        }
    }

    static int chunksFillRate(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet fill = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            assertThat(fill.next()).isTrue();
            return Integer.parseInt(fill.getString(1));
        }
    }
}
