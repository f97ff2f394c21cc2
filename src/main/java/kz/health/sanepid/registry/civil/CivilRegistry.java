package kz.health.sanepid.registry.civil;

import java.time.Instant;
import java.util.List;

/** Port to the civil-status registry (АХАЖ АЖ / ЗАГС): deaths and changes of surname, name or patronymic. */
public interface CivilRegistry {

    /** Changes of name registered in (from, to], oldest first. */
    List<NameChange> nameChangesBetween(Instant fromExclusive, Instant toInclusive);

    /** Whether a death record exists for the person (004 App.2 item 6.1). */
    boolean hasDeathRecord(String iin);

    record NameChange(long id, String iin, String previousFullName, String newFullName, Instant changedAt) {
    }
}
