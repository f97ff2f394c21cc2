package kz.health.sanepid.jdbc;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A running demo's H2 file gives its dead space back once a night (issue 19). H2's MVStore appends every commit as
 * new chunks and has no online full compaction in SQL; only {@code SHUTDOWN COMPACT} rewrites the file to its live
 * data (EmbeddedDatabaseCompaction does it at the stop). So a demo that is never stopped grows with every run's
 * writes (DemoDayGrowthTest: about 150 KB per recipient processed). Here, at {@code
 * sanepid.embedded-database.compact-cron} (04:30 by default, after the 02:00 run; {@code -} switches it off), the
 * application pauses instead of stopping:
 * <ol>
 *   <li>the job executor stops acquiring (jobs already running finish);</li>
 *   <li>the connection pool is suspended: a request or job that asks for a connection now waits, it is not refused;</li>
 *   <li>once no connection is lent out (at most {@link EmbeddedDatabaseCompaction#DRAIN}; else nothing is done and
 *       the next night tries again), one connection of its own runs {@code SHUTDOWN COMPACT}, which also ends the
 *       pool's idle sessions ({@link EmbeddedDatabaseCompaction#compactOnceDrained}, which the stop uses too);</li>
 *   <li>the pool evicts those dead connections, resumes, and reopens the database with fresh ones; the job
 *       executor starts again if it ran before.</li>
 * </ol>
 * No transaction is open while the database is closed, so nothing is lost, and nothing is refused: the waiters
 * carry on when the pool resumes (about a second per 100 MB of file on two cores). Only for an H2 file database
 * behind HikariCP with {@code allow-pool-suspension} (application.yaml); PostgreSQL and in-memory H2 are left alone.
 */
@Component
public class EmbeddedDatabaseMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseMaintenance.class);
    private final DataSource dataSource;
    private final ProcessEngine engine;

    public EmbeddedDatabaseMaintenance(DataSource dataSource, ProcessEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    @Scheduled(cron = "${sanepid.embedded-database.compact-cron:0 30 4 * * *}")
    public void nightly() {
        compactNow();
    }

    /** Compacts the file while the application keeps running; false when there is nothing to do or it gave up. */
    public synchronized boolean compactNow() {
        HikariDataSource pool = EmbeddedDatabaseCompaction.hikari(dataSource);
        if (pool == null || !EmbeddedDatabaseCompaction.isH2File(pool.getJdbcUrl())) {
            return false;
        }
        if (!pool.isAllowPoolSuspension()) {
            LOG.warn("embedded database not compacted online: the pool does not allow suspension"
                    + " (spring.datasource.hikari.allow-pool-suspension)");
            return false;
        }
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean restartJobs = jobs != null && jobs.isActive();
        if (restartJobs) {
            jobs.shutdown();
        }
        long started = System.nanoTime();
        try {
            if (!EmbeddedDatabaseCompaction.compactOnceDrained(pool)) {
                LOG.warn("embedded database not compacted online: {} connections still in use after {} s",
                        pool.getHikariPoolMXBean().getActiveConnections(), EmbeddedDatabaseCompaction.DRAIN.toSeconds());
                return false;
            }
            LOG.info("embedded database compacted online in {} ms", (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (SQLException e) {
            LOG.warn("embedded database not compacted online: {}", e.getMessage());
            return false;
        } finally {
            if (restartJobs) {
                jobs.start();
            }
        }
    }
}
