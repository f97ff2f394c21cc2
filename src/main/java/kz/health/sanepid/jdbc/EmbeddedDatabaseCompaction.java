package kz.health.sanepid.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 file gives its dead space back when the application stops (issue 19). H2's MVStore appends every
 * commit as new chunks and rewrites old ones only while the store is quiet, so a run of many small engine
 * transactions leaves a file several times its live data (PERFORMANCE.md: 765.8 MB, of which 122.7 MB live); a
 * normal close compacts for at most {@code MAX_COMPACT_TIME} (200 ms), and the connection pool's close does not wait
 * for more. Here, right before the application's {@link DataSource} is destroyed (after the process engine and every
 * other bean that uses it, which Spring destroys first), {@code SHUTDOWN COMPACT} rewrites the file to its live data,
 * once the transactions still running (the job executor's threads) have ended: the pool is paused for it, as for the
 * night's compaction ({@link EmbeddedDatabaseMaintenance}).
 *
 * <p>Only for an H2 file database (the demo's and the benchmark's default); PostgreSQL and in-memory H2 are left
 * alone. {@code sanepid.embedded-database.compact-on-close=false} switches it off (a compaction takes about a second
 * per 100 MB of file on two cores). Not a guarantee against a killed process: the file is compacted at the next
 * normal stop.
 */
@Component
public class EmbeddedDatabaseCompaction implements DestructionAwareBeanPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);
    static final String ENABLED = "sanepid.embedded-database.compact-on-close";
    /** How long the pool may take to get its connections back before a compaction is given up. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private boolean enabled = true;
    /** Once per stop: a second {@link DataSource} bean over the same pool (a wrapper) finds the database closed. */
    private volatile boolean compacted;

    @Override
    public void setEnvironment(Environment environment) {
        enabled = environment.getProperty(ENABLED, Boolean.class, true);
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return enabled && bean instanceof DataSource;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || compacted) {
            return;
        }
        HikariDataSource pool = hikari(dataSource);
        if (pool != null && pool.isAllowPoolSuspension()) {
            if (isH2File(pool.getJdbcUrl())) {
                compactWithThePoolPaused(pool);
            }
            return;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!isH2File(connection.getMetaData().getURL())) {
                return;
            }
            long started = System.nanoTime();
            shutdownCompact(connection);
            compacted = true;
            LOG.info("embedded database compacted on close in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            // a pool already closed, a database in use elsewhere: the file stays as it is, and nothing is lost
            LOG.warn("embedded database not compacted on close: {}", e.getMessage());
        } finally {
            closeQuietly(dataSource, connection);
        }
    }

    /**
     * After SHUTDOWN the connection's database is gone: the pool evicts it (returning it would reset it on a closed
     * database, an error in H2's trace file); failing that, it is closed, and a failure does not matter.
     */
    private static void closeQuietly(DataSource dataSource, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            HikariDataSource pool = hikari(dataSource);
            if (pool != null) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException alreadyClosed) {
            LOG.debug("connection after the compaction: {}", alreadyClosed.getMessage());
        }
    }

    /**
     * The stop's compaction with the pool paused, as the night's: the process engine is closed by now, but job
     * executor threads may still be inside their last transaction (a benchmark stopped with 7,000 jobs running: the
     * compaction closed the file under them, their commits failed with ClosedChannelException, and the compaction
     * itself failed with an MVStore read error, the 100,000 run's failure). So: no new connection is lent out, the
     * compaction waits until every lent one is back, and the pool resumes afterwards (to be closed right after).
     */
    private void compactWithThePoolPaused(HikariDataSource pool) {
        long started = System.nanoTime();
        try {
            if (compactOnceDrained(pool)) {
                compacted = true;
                LOG.info("embedded database compacted on close in {} ms", (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.warn("embedded database not compacted on close: connections still in use after {} s",
                        DRAIN.toSeconds());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("embedded database not compacted on close: {}", e.getMessage());
        }
    }

    /**
     * Pauses the pool (a caller asking for a connection waits), and once no connection is lent out (at most
     * {@link #DRAIN}) runs {@code SHUTDOWN COMPACT} on a connection of its own; the pool's sessions ended with the
     * database, so it evicts them, and resumes with fresh ones. False when connections were still lent out after
     * {@link #DRAIN}: nothing was done. No transaction is open while the database is closed.
     */
    static boolean compactOnceDrained(HikariDataSource pool) throws SQLException {
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        connections.suspendPool();
        try {
            if (!drained(connections)) {
                return false;
            }
            try (Connection own = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
                shutdownCompact(own);
            } finally {
                // the pool's sessions ended with the database (or may have, if it failed half-way): fresh ones
                connections.softEvictConnections();
            }
            return true;
        } finally {
            connections.resumePool();
        }
    }

    private static boolean drained(HikariPoolMXBean connections) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (connections.getActiveConnections() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Rewrites the H2 file to its live data and closes the database: every session on it ends. */
    static void shutdownCompact(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }

    /** The HikariCP pool behind a data source (or a wrapper of it), or null. */
    static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    static boolean isH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }
}
