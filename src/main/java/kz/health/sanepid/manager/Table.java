package kz.health.sanepid.manager;

import java.util.List;

/**
 * One table of a managers' report: column keys (the plugin labels them in kk and ru) and rows of plain values
 * (numbers, masked identifiers, ISO instants). The same table answers as JSON and as CSV ({@link Csv}).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {

    public Table {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
        }
    }
}
