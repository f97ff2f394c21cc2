package kz.health.sanepid.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * Flyway migration 9.1 ({@code db.migration.V9_1__Engine_schema}, found by Flyway wherever it migrates
 * {@code classpath:db/migration}): the engine's schema from Camunda's own create scripts (in the camunda-engine jar,
 * {@code org/camunda/bpm/engine/db/create/activiti.<db>.create.<part>.sql}), in the order the engine itself runs them,
 * for H2 and PostgreSQL. The engine starts with {@code schema-update: false} and only checks the schema, so the schema
 * is owned by the migrations like the application's tables: created once, under Flyway's lock, recorded in
 * {@code flyway_schema_history}. A database whose engine tables an earlier version let the engine create at start is
 * recognised ({@code ACT_GE_PROPERTY} present) and left as it is. An engine upgrade is a later migration running
 * Camunda's {@code upgrade/<db>_engine_<from>_to_<to>.sql} through {@link #runScript}.
 */
public final class EngineSchemaMigration {

    static final String CREATE_SCRIPTS = "org/camunda/bpm/engine/db/create/";
    /** The engine's order (DbSqlSession.dbSchemaCreate): engine, history, identity, CMMN, CMMN history, DMN, DMN history. */
    static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    private EngineSchemaMigration() {
    }

    /** Creates the engine's tables unless they are there. */
    public static void createUnlessPresent(Connection connection) throws IOException, SQLException {
        if (engineTablesPresent(connection)) {
            return;
        }
        String database = camundaDatabaseType(connection);
        for (String part : PARTS) {
            runScript(connection, CREATE_SCRIPTS + "activiti." + database + ".create." + part + ".sql");
        }
    }

    /** Camunda's name of the database ({@code h2}, {@code postgres}); other databases are not supported here. */
    static String camundaDatabaseType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgres";
        }
        throw new IllegalStateException("the engine's schema migration supports H2 and PostgreSQL, not " + product);
    }

    static boolean engineTablesPresent(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("act_ge_property".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs a script of the engine's jar statement by statement, as the engine reads them (a statement ends in ";"). */
    public static void runScript(Connection connection, String resource) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(resource)) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements(String resource) throws IOException {
        InputStream in = EngineSchemaMigration.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no script " + resource + " in the camunda-engine jar");
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.endsWith(";")) {
                    current.append(trimmed, 0, trimmed.length() - 1);
                    statements.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(trimmed).append(' ');
                }
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
