package kz.health.sanepid.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import kz.health.sanepid.SanepidApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: the application's stop gives an H2 file's dead chunks back. The application runs on its own H2 file,
 * writes and deletes about 8 MB in many small transactions (as the engine's commits do), and stops; the file is then
 * its live data (H2's own {@code info.CHUNKS_FILL_RATE} 100 %), with no error in H2's
 * trace file. The control: the same writes on a plain H2 connection and H2's ordinary close leave dead chunks.
 */
class EmbeddedDatabaseCompactionTest {

    @TempDir Path dir;

    @Test
    void theStopCompactsTheFileToItsLiveData() throws Exception {
        Stopped stopped = runAndStop("compacted");
        assertThat(stopped.chunksFillRate()).as("only live chunks after the stop").isEqualTo(100);
        // not the file's size against the size before the stop: when H2's background writer has just compacted, the
        // rewritten file can be a few KB larger than the one it replaces (seen: 188 -> 217 KB); the fill rate says it
        assertThat(dir.resolve("compacted.trace.db")).as("no error in H2's trace file").doesNotExist();
    }

    @Test
    void withoutItAnOrdinaryCloseLeavesTheDeadChunks() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) { // the control: H2's own close
            writeAndDelete(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                    connection, true)));
        }
        assertThat(chunksFillRate(url)).as("the control: dead chunks stay after an ordinary close").isLessThan(100);
    }

    record Stopped(long bytesBefore, long bytesAfter, int chunksFillRate) {
    }

    Stopped runAndStop(String name) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SanepidApplication.class)
                .profiles("test").run("--server.port=0", "--camunda.bpm.process-engine-name=compaction" + name, // no hyphen: else the engine would be "default"
                        "--camunda.bpm.webapp.enabled=false", "--spring.datasource.url=" + url);
        writeAndDelete(context.getBean(JdbcTemplate.class));
        Path file = dir.resolve(name + ".mv.db");
        long before = Files.size(file);
        context.close();
        long after = Files.size(file);
        return new Stopped(before, after, chunksFillRate(url));
    }

    static void writeAndDelete(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE compaction_probe (id INT PRIMARY KEY, payload VARCHAR(4000))");
        String payload = "x".repeat(4000);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 100; i++) { // one small transaction per row, as the engine's commits are
                jdbc.update("INSERT INTO compaction_probe VALUES (?, ?)", round * 100 + i, payload);
            }
            jdbc.update("DELETE FROM compaction_probe WHERE id < ?", round * 100 + 90);
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
