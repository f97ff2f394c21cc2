package kz.health.sanepid.manager;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Table} as CSV (RFC 4180: comma, CRLF, quotes doubled), the header line being the column keys. A text
 * cell that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a carriage return, as a
 * masked phone's "+7") is written with a leading apostrophe (OWASP "CSV injection"); numbers are written as they are.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    public static String of(Table table) {
        StringBuilder out = new StringBuilder();
        out.append(table.columns().stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        for (List<Object> row : table.rows()) {
            out.append(row.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /** The text of one cell as written (before quoting): what a CSV reader gets back. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static String cell(Object value) {
        String s = text(value);
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains(";")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
