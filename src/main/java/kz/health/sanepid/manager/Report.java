package kz.health.sanepid.manager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A managers' report: what it was asked for ({@code query}: run, period, filters), when it was made, and its tables.
 * Answers JSON by default, or one of its tables as CSV with {@code Accept: text/csv} or {@code ?format=csv}
 * ({@code &table=} names the table; the first by default): the same rows, the same figures.
 */
public record Report(String asOf, Map<String, Object> query, List<Table> tables) {

    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf);
        body.put("query", query);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Table t : tables) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("columns", t.columns());
            table.put("rows", t.rows());
            byName.put(t.name(), table);
        }
        body.put("tables", byName);
        return body;
    }

    public ResponseEntity<?> respond(String format, String accept, String tableName, String fileName) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.toLowerCase().contains(Csv.MEDIA_TYPE));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ApiException.badRequest(List.of("format: json or csv"));
        }
        if (!csv) {
            if (tableName != null) {
                throw ApiException.badRequest(List.of("table: only with format=csv"));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json());
        }
        Table table = tableName == null ? tables.get(0) : tables.stream().filter(t -> t.name().equals(tableName))
                .findFirst().orElseThrow(() -> ApiException.badRequest(List.of("table: one of "
                        + tables.stream().map(Table::name).toList())));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "-" + table.name()
                        + ".csv\"")
                .body(Csv.of(table));
    }
}
