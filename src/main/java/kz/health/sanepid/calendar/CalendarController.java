package kz.health.sanepid.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.security.CurrentUser;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar over HTTP: deadlines, a year's days off, and the operator's additions. */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

    private final WorkingDayCalendar calendar;
    private final CalendarData data;
    private final CurrentUser currentUser;

    public CalendarController(WorkingDayCalendar calendar, CalendarData data, CurrentUser currentUser) {
        this.calendar = calendar;
        this.data = data;
        this.currentUser = currentUser;
    }

    @GetMapping("/deadline")
    public Map<String, Object> deadline(@RequestParam String from, @RequestParam int workingDays) {
        LocalDate start = parseDay("from", from);
        if (workingDays < 1 || workingDays > 366) {
            throw ApiException.badRequest(List.of("workingDays: must be from 1 to 366"));
        }
        LocalDate deadline = calendar.deadlineDay(start, workingDays);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", start.toString());
        answer.put("workingDays", workingDays);
        answer.put("deadline", deadline.toString());
        answer.put("deadlineAt", OffsetDateTime.ofInstant(calendar.deadline(start, workingDays).toInstant(),
                WorkingDayCalendar.ZONE).toString());
        return answer;
    }

    @GetMapping("/days-off")
    public Map<String, Object> daysOff(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest(List.of("year: must be from 2000 to 2100"));
        }
        return Map.of("year", year, "daysOff", calendar.daysOff(year).stream().map(LocalDate::toString).toList(),
                "entries", data.entriesOf(year));
    }

    public record NewEntry(String day, String kind, String description) {
    }

    /** Administrators add a movable holiday or a Government transfer. */
    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    public CalendarEntry addEntry(@RequestBody NewEntry entry) {
        currentUser.requireAnyGroup(Roles.ADMINISTRATORS);
        List<String> reasons = new ArrayList<>();
        LocalDate day = null;
        try {
            day = entry.day() == null ? null : LocalDate.parse(entry.day());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
            reasons.add("day: must be a date YYYY-MM-DD between 2000 and 2100");
        }
        CalendarEntry.Kind kind = null;
        try {
            kind = entry.kind() == null ? null : CalendarEntry.Kind.valueOf(entry.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            reasons.add("kind: must be HOLIDAY, DAY_OFF or WORKING_DAY");
        }
        if (entry.description() == null || entry.description().isBlank() || entry.description().length() > 200) {
            reasons.add("description: is required, at most 200 characters");
        }
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(reasons);
        }
        CalendarEntry added = new CalendarEntry(day, kind, entry.description().strip());
        data.put(added, "api:" + currentUser.userId());
        calendar.refresh();
        return added;
    }

    private static LocalDate parseDay(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(List.of(name + ": must be a date YYYY-MM-DD"));
        }
    }
}
