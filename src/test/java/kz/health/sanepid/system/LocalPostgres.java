package kz.health.sanepid.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared PostgreSQL server of scripts/start-postgres.sh, as the tests and the benchmark reach it: the role from
 * SANEPID_DB_USER / SANEPID_DB_PASSWORD (the CI's defaults when unset) and a database of their own, dropped and
 * created fresh (the role needs CREATEDB, which the script grants).
 */
public final class LocalPostgres {

    public static final String USER = env("SANEPID_DB_USER", "sanepid");
    public static final String PASSWORD = env("SANEPID_DB_PASSWORD", "sanepid-ci-only");

    private LocalPostgres() {
    }

    public static String url(String host, String database) {
        return "jdbc:postgresql://" + host + "/" + database;
    }

    /** Drops {@code database} on {@code host} (host:port) if it exists and creates it empty. */
    public static void freshDatabase(String host, String database) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(url(host, "postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            // FORCE ends the previous run's sessions; an autovacuum worker on the old database cannot be ended by
            // the owner and makes the drop fail for a moment: try again
            for (int attempt = 1; ; attempt++) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                    break;
                } catch (SQLException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                    Thread.sleep(3000);
                }
            }
            s.execute("CREATE DATABASE " + database);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
