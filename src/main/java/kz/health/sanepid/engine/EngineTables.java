package kz.health.sanepid.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** One statement on the engine's own tables, outside any engine command, committed at once. */
final class EngineTables {

    private EngineTables() {
    }

    /** Runs {@code sql} on a connection of the engine's data source; answers the update count. */
    static int execute(ProcessEngineConfigurationImpl configuration, String sql) throws SQLException {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
            return Math.max(0, statement.getUpdateCount());
        }
    }
}
