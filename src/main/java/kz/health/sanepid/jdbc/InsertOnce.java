package kz.health.sanepid.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insert that happens once per key, portable between H2 and PostgreSQL, and safe inside the engine's
 * transaction: it looks before it writes, so a plain repeat never provokes a unique-key violation (which PostgreSQL
 * would turn into an aborted transaction). Two concurrent first inserts still meet the table's unique index, and the
 * loser's job is retried, finding the row there.
 */
public final class InsertOnce {

    private InsertOnce() {
    }

    /** Inserts the row unless a row with the same value in {@code keyColumn} exists; true when it inserted. */
    public static boolean insert(JdbcTemplate jdbc, String table, String keyColumn, Map<String, ?> row) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + keyColumn + " = ?",
                Integer.class, row.get(keyColumn));
        if (present != null && present > 0) {
            return false;
        }
        Map<String, ?> columns = new LinkedHashMap<>(row);
        String marks = String.join(", ", columns.keySet().stream().map(c -> "?").toList());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") VALUES (" + marks + ")",
                new ArrayList<>(columns.values()).toArray());
        return true;
    }
}
