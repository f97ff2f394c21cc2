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
 * its live data (H2's own {@code info.CHUNKS_FILL_RATE} 100 %) and smaller than before the stop. With
 * {@code sanepid.embedded-database.compact-on-close=false}, the same stop leaves the dead chunks (the control).
 */
class EmbeddedDatabaseCompactionTest {

    @TempDir Path dir;

    @Test
    void theStopCompactsTheFileToItsLiveData() throws Exception {
        Stopped stopped = runAndStop("compacted", true);
        assertThat(stopped.chunksFillRate()).as("only live chunks after the stop").isEqualTo(100);
        assertThat(stopped.bytesAfter()).as("the dead chunks are given back").isLessThan(stopped.bytesBefore());
        assertThat(dir.resolve("compacted.trace.db")).as("no error in H2's trace file").doesNotExist();
    }

    @Test
    void switchedOffTheStopLeavesTheDeadChunks() throws Exception {
        Stopped stopped = runAndStop("left", false);
        assertThat(stopped.chunksFillRate()).as("the control: dead chunks stay").isLessThan(100);
    }

    record Stopped(long bytesBefore, long bytesAfter, int chunksFillRate) {
    }

    Stopped runAndStop(String name, boolean compact) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SanepidApplication.class)
                .profiles("test").run("--server.port=0", "--camunda.bpm.process-engine-name=compaction-" + name,
                        "--camunda.bpm.webapp.enabled=false", "--spring.datasource.url=" + url,
                        "--" + EmbeddedDatabaseCompaction.ENABLED + "=" + compact);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("CREATE TABLE compaction_probe (id INT PRIMARY KEY, payload VARCHAR(4000))");
        String payload = "x".repeat(4000);
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 100; i++) { // one small transaction per row, as the engine's commits are
                jdbc.update("INSERT INTO compaction_probe VALUES (?, ?)", round * 100 + i, payload);
            }
            jdbc.update("DELETE FROM compaction_probe WHERE id < ?", round * 100 + 90);
        }
        Path file = dir.resolve(name + ".mv.db");
        long before = Files.size(file);
        context.close();
        long after = Files.size(file);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet fill = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            assertThat(fill.next()).isTrue();
            return new Stopped(before, after, Integer.parseInt(fill.getString(1)));
        }
    }
}
