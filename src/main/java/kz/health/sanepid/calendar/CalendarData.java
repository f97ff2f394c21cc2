package kz.health.sanepid.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of the calendar an operator extends each year without a code change: movable holidays and the
 * Government's transfers. Kept in {@code calendar_entry}; the file {@code calendar/kz-calendar.csv} in the
 * repository is merged into it at start, and {@code POST /api/calendar/entries} adds more.
 */
@Repository
public class CalendarData {

    static final String SEED_FILE = "calendar/kz-calendar.csv";

    private final JdbcTemplate jdbc;

    public CalendarData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarEntry> entriesOf(int year) {
        return jdbc.query("SELECT entry_day, kind, description FROM calendar_entry WHERE entry_day BETWEEN ? AND ? ORDER BY entry_day",
                (rs, i) -> new CalendarEntry(rs.getDate(1).toLocalDate(), CalendarEntry.Kind.valueOf(rs.getString(2)),
                        rs.getString(3)),
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    /** Adds the entry, or replaces the one for the same day; answers whether a row was there before. */
    @Transactional
    public boolean put(CalendarEntry entry, String source) {
        boolean existed = jdbc.update("DELETE FROM calendar_entry WHERE entry_day = ?", Date.valueOf(entry.day())) > 0;
        jdbc.update("INSERT INTO calendar_entry (entry_day, kind, description, source) VALUES (?, ?, ?, ?)",
                Date.valueOf(entry.day()), entry.kind().name(), entry.description(), source);
        return existed;
    }

    /** Merges the repository's file: rows already in the table (possibly changed by an operator) stay. */
    @Transactional
    public int loadSeedFile() {
        int added = 0;
        for (CalendarEntry entry : readSeedFile()) {
            if (InsertOnce.insert(jdbc, "calendar_entry", "entry_day", Map.of("entry_day", Date.valueOf(entry.day()),
                    "kind", entry.kind().name(), "description", entry.description(), "source", SEED_FILE))) {
                added++;
            }
        }
        return added;
    }

    static List<CalendarEntry> readSeedFile() {
        List<CalendarEntry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(SEED_FILE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("day,")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                if (cells.length < 3) {
                    throw new IllegalStateException(SEED_FILE + " line " + number + ": expected day,kind,description");
                }
                entries.add(new CalendarEntry(LocalDate.parse(cells[0].strip()),
                        CalendarEntry.Kind.valueOf(cells[1].strip()), cells[2].strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SEED_FILE, e);
        }
        return entries;
    }
}
