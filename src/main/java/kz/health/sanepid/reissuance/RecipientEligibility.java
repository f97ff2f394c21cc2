package kz.health.sanepid.reissuance;

import java.util.Optional;

import kz.health.sanepid.registry.civil.CivilRegistry;
import kz.health.sanepid.registry.person.PersonRegistry;
import org.springframework.stereotype.Service;

/**
 * The four criteria of 004 App.2 item 6, one method each, checked against the person registry (ЖТ МДҚ) and the
 * civil registry (АХАЖ). Each records what the registry answered (items 8, 17) and answers the exclusion reason,
 * or empty when the recipient passes. A person the registry does not know is a data fault of the source
 * (item 17): it fails, so the job's retries and then an incident show it to an operator.
 */
@Service
public class RecipientEligibility {

    static final String PERSON_REGISTRY = "ЖТ МДҚ / person registry";
    static final String CIVIL_REGISTRY = "АХАЖ / civil registry";

    private final PersonRegistry persons;
    private final CivilRegistry civil;
    private final SduLedger ledger;

    public RecipientEligibility(PersonRegistry persons, CivilRegistry civil, SduLedger ledger) {
        this.persons = persons;
        this.civil = civil;
        this.ledger = ledger;
    }

    /** 6.1: not declared missing and not declared dead. */
    public Optional<String> missingOrDead(String businessKey, String iin) {
        PersonRegistry.PersonRecord person = person(iin);
        ledger.answer(businessKey, PERSON_REGISTRY, "6.1 declared missing", yesNo(person.declaredMissing()));
        if (person.declaredMissing()) {
            return Optional.of("6.1: declared missing (person registry)");
        }
        boolean dead = civil.hasDeathRecord(iin);
        ledger.answer(businessKey, CIVIL_REGISTRY, "6.1 death record", yesNo(dead));
        return dead ? Optional.of("6.1: death record (civil registry)") : Optional.empty();
    }

    /** 6.2: not permanently residing in another country. */
    public Optional<String> abroad(String businessKey, String iin) {
        boolean abroad = person(iin).residesAbroad();
        ledger.answer(businessKey, PERSON_REGISTRY, "6.2 permanently resides abroad", yesNo(abroad));
        return abroad ? Optional.of("6.2: permanently resides in another country (person registry)") : Optional.empty();
    }

    /** 6.3: not declared legally incapable by a court. */
    public Optional<String> incapable(String businessKey, String iin) {
        boolean incapable = person(iin).declaredIncapable();
        ledger.answer(businessKey, PERSON_REGISTRY, "6.3 declared incapable", yesNo(incapable));
        return incapable ? Optional.of("6.3: declared legally incapable by a court (person registry)") : Optional.empty();
    }

    /** 6.4: not held in a place of deprivation of liberty. */
    public Optional<String> imprisoned(String businessKey, String iin) {
        boolean imprisoned = person(iin).imprisoned();
        ledger.answer(businessKey, PERSON_REGISTRY, "6.4 deprived of liberty", yesNo(imprisoned));
        return imprisoned ? Optional.of("6.4: held in a place of deprivation of liberty (person registry)") : Optional.empty();
    }

    private PersonRegistry.PersonRecord person(String iin) {
        return persons.find(iin).orElseThrow(() -> new IllegalStateException(
                "the person registry has no record of the recipient (004 App.2 item 17: the source answers for it)"));
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
