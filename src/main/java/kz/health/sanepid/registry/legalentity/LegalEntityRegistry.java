package kz.health.sanepid.registry.legalentity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to the state database of legal entities (ЗТ МДҚ АЖ / ГБД ЮЛ). Contract for any adapter: BINs returned
 * pass format-logical control (004 App.2 item 18) or the call fails with
 * {@link kz.health.sanepid.idnumber.MalformedRegistryRowException}; an unreachable registry throws any other
 * runtime exception, which the engine retries.
 */
public interface LegalEntityRegistry {

    /** Organisations whose name changed in (from, to], oldest first (004 App.2 item 3). */
    List<RenamedOrganisation> renamedBetween(Instant fromExclusive, Instant toInclusive);

    /** IIN of the organisation's first head, if the registry knows one (004 App.2 item 5). */
    Optional<String> firstHeadIin(String bin);

    record RenamedOrganisation(String bin, String newName, String previousName, Instant changedAt) {
    }
}
