package kz.health.sanepid.synthetic;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deterministic (seeded) generator that fills the embedded registries with made-up organisations and people:
 * valid IINs and BINs only, names composed from syllable lists (no real person), rates as the spec asks.
 * Renamed individuals (certificate holders, health workers) work, at {@link #EMPLOYED_RATE}, at one of the employers
 * given (the batch's organisations by default); the others have no employer in the person registry (order No. 66
 * item 8 12)). Employers are drawn from a random of their own, so the rest of a seed's population stays the same.
 */
@Component
public class SyntheticRegistries {

    private static final String[] SURNAMES = {"Алтынбек", "Жанкелді", "Сарыарқа", "Көкжиек", "Ақтоғай", "Бегалы",
            "Дариға", "Ерсайын", "Құралай", "Нұрсая", "Тасжол", "Үмітбек"};
    private static final String[] GIVEN = {"Айбар", "Дана", "Ерлан", "Жібек", "Мейір", "Сәуле", "Тимур", "Әсел",
            "Нұрлан", "Аружан", "Бекзат", "Гүлім"};
    private static final String[] ORG_WORDS = {"Таза", "Саулық", "Мөлдір", "Береке", "Шапағат", "Жасыл", "Арна",
            "Өркен", "Сенім", "Қуат"};
    private static final String[] ORG_FORMS = {"ЖШС", "АҚ", "ЖК"};
    private static final String[] SCOPES = {
            "Specialist certificate in sanitary-epidemiological welfare",
            "Object of high epidemic significance: food production workshop",
            "Draft normative documentation: sanitary protection zone",
            "Work with pathogenic biological agents of groups III-IV"};

    /** Share of renamed individuals with an employer in the person registry. */
    public static final double EMPLOYED_RATE = 0.75;

    private final JdbcTemplate jdbc;

    public SyntheticRegistries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public GeneratedPopulation generate(GeneratorSpec spec) {
        return generate(spec, List.of());
    }

    /**
     * As {@link #generate(GeneratorSpec)}, the employed individuals working at one of {@code employerBins} (valid
     * BINs; empty: the batch's own organisations).
     */
    @Transactional
    public GeneratedPopulation generate(GeneratorSpec spec, List<String> employerBins) {
        for (String bin : employerBins) {
            if (!IdentificationNumbers.isValidBin(bin)) {
                throw new IllegalArgumentException("employer BIN with a wrong check digit: "
                        + IdentificationNumbers.mask(bin));
            }
        }
        Batch batch = new Batch(spec, employerBins);
        for (int i = 0; i < spec.organisations(); i++) {
            batch.organisation(i);
        }
        for (int i = 0; i < spec.individuals(); i++) {
            batch.individual(i);
        }
        batch.flush();
        return new GeneratedPopulation(spec.organisations(), batch.organisationsWithoutPermit, spec.individuals(),
                batch.individualsWithoutCertificate, List.copyOf(batch.recipients));
    }

    /** Collects rows and writes them in JDBC batches. */
    private final class Batch {
        private final GeneratorSpec spec;
        private final Random random;
        /** Employers only: the other draws of a seed do not move. */
        private final Random employerRandom;
        private final List<String> employers;
        private final boolean ownEmployers;
        private final Set<String> usedIds = new HashSet<>();
        private final List<Object[]> entities = new ArrayList<>();
        private final List<Object[]> persons = new ArrayList<>();
        private final List<Object[]> deaths = new ArrayList<>();
        private final List<Object[]> nameChanges = new ArrayList<>();
        private final List<Object[]> permits = new ArrayList<>();
        private final List<Object[]> phones = new ArrayList<>();
        private final List<GeneratedPopulation.Recipient> recipients = new ArrayList<>();
        private int organisationsWithoutPermit;
        private int individualsWithoutCertificate;
        private int permitCounter;
        private int phoneCounter;

        Batch(GeneratorSpec spec, List<String> employerBins) {
            this.spec = spec;
            this.random = new Random(spec.seed());
            this.employerRandom = new Random(spec.seed() * 31 + 66);
            this.employers = new ArrayList<>(employerBins);
            this.ownEmployers = employerBins.isEmpty();
            long existing = jdbc.queryForObject("SELECT COUNT(*) FROM mobile_subscriber", Long.class);
            this.phoneCounter = (int) existing + (int) (spec.seed() % 1000) * 100_000;
            this.permitCounter = jdbc.queryForObject("SELECT COUNT(*) FROM permit", Long.class).intValue();
        }

        void organisation(int index) {
            String bin = newBin();
            String newName = name(ORG_WORDS) + " " + name(ORG_WORDS) + " " + name(ORG_FORMS);
            String previousName = name(ORG_WORDS) + " " + name(ORG_FORMS);
            String headIin = newIin(1960, 2000);
            entities.add(new Object[] {bin, newName, previousName, Timestamp.from(changeTime(index)), headIin});
            if (ownEmployers) {
                employers.add(bin);
            }
            boolean withoutPermit = random.nextDouble() < spec.withoutPermitRate();
            ExpectedOutcome expected = drawOutcome();
            person(headIin, expected, 1960, null);
            if (withoutPermit) {
                organisationsWithoutPermit++;
                return;
            }
            int permitCount = random.nextInt(10) == 0 ? 2 : 1;
            for (int p = 0; p < permitCount; p++) {
                int service = 2 + random.nextInt(3);
                String permitId = permit(service, bin, "ORGANISATION", previousName);
                recipients.add(new GeneratedPopulation.Recipient(headIin, bin, permitId, phoneOf(headIin), expected));
            }
        }

        void individual(int index) {
            String iin = newIin(1960, 2000);
            ExpectedOutcome expected = drawOutcome();
            String[] person = person(iin, expected, 1960, employer());
            String previous = name(SURNAMES) + " " + person[1];
            nameChanges.add(new Object[] {iin, previous, person[0] + " " + person[1],
                    Timestamp.from(changeTime(spec.organisations() + index))});
            if (random.nextDouble() < spec.withoutPermitRate()) {
                individualsWithoutCertificate++;
                return;
            }
            String permitId = permit(1, iin, "PERSON", previous);
            recipients.add(new GeneratedPopulation.Recipient(iin, iin, permitId, phoneOf(iin), expected));
        }

        /** Writes the person's registry rows; answers {surname, given name}. */
        /** An employer for an individual, or null (not employed, or no employer to draw from). */
        private String employer() {
            boolean employed = employerRandom.nextDouble() < EMPLOYED_RATE;
            return employed && !employers.isEmpty() ? employers.get(employerRandom.nextInt(employers.size())) : null;
        }

        private String[] person(String iin, ExpectedOutcome expected, int bornFrom, String employerBin) {
            String surname = name(SURNAMES);
            String given = name(GIVEN);
            boolean dead = expected == ExpectedOutcome.EXCLUDED_MISSING_OR_DEAD && random.nextBoolean();
            boolean missing = expected == ExpectedOutcome.EXCLUDED_MISSING_OR_DEAD && !dead;
            String representative = expected == ExpectedOutcome.EXCLUDED_INCAPABLE ? newIin(1950, 1990) : null;
            persons.add(new Object[] {iin, surname, given, name(GIVEN) + "ұлы",
                    Date.valueOf(LocalDate.of(bornFrom + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                    missing, expected == ExpectedOutcome.EXCLUDED_ABROAD, expected == ExpectedOutcome.EXCLUDED_INCAPABLE,
                    expected == ExpectedOutcome.EXCLUDED_IMPRISONED, representative, employerBin});
            if (dead) {
                deaths.add(new Object[] {iin, Date.valueOf(LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)))});
            }
            if (expected != ExpectedOutcome.NO_PHONE) {
                phones.add(new Object[] {iin, String.format("+770%08d", phoneCounter++), languageOf(iin)});
            }
            return new String[] {surname, given};
        }

        /**
         * The language МАБ knows for the subscriber: Kazakh for four in ten, Russian for three, unknown for the
         * rest (then the SMS goes in both). Drawn from the IIN's check digit, not from the random stream, so that the
         * population of a seed is the same as before the language existed.
         */
        private static String languageOf(String iin) {
            int d = iin.charAt(11) - '0';
            return d <= 3 ? "kk" : d <= 6 ? "ru" : null;
        }

        private String permit(int service, String holderId, String holderKind, String holderName) {
            String permitId = String.format("SE%d-%09d", service, ++permitCounter);
            LocalDate issued = LocalDate.of(2020 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
            permits.add(new Object[] {permitId, service, holderId, holderKind, holderName, SCOPES[service - 1],
                    Date.valueOf(issued), service == 1 ? Date.valueOf(issued.plusYears(5)) : null});
            return permitId;
        }

        private String phoneOf(String iin) {
            for (int i = phones.size() - 1; i >= 0; i--) {
                if (phones.get(i)[0].equals(iin)) {
                    return (String) phones.get(i)[1];
                }
            }
            return null;
        }

        private ExpectedOutcome drawOutcome() {
            double r = random.nextDouble();
            double[] bounds = {spec.missingOrDeadRate(), spec.abroadRate(), spec.incapableRate(),
                    spec.imprisonedRate(), spec.noPhoneRate()};
            ExpectedOutcome[] outcomes = {ExpectedOutcome.EXCLUDED_MISSING_OR_DEAD, ExpectedOutcome.EXCLUDED_ABROAD,
                    ExpectedOutcome.EXCLUDED_INCAPABLE, ExpectedOutcome.EXCLUDED_IMPRISONED, ExpectedOutcome.NO_PHONE};
            double cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += bounds[i];
                if (r < cumulative) {
                    return outcomes[i];
                }
            }
            return ExpectedOutcome.SMS_SENT;
        }

        private Instant changeTime(int index) {
            long span = spec.changesTo().toEpochMilli() - spec.changesFrom().toEpochMilli();
            int total = Math.max(1, spec.organisations() + spec.individuals());
            long offset = 1 + (span - 1) * index / total;
            return spec.changesFrom().plusMillis(offset);
        }

        private String newIin(int bornFrom, int bornTo) {
            while (true) {
                int year = bornFrom + random.nextInt(bornTo - bornFrom);
                int centuryDigit = (year >= 2000 ? 5 : 3) + random.nextInt(2);
                String first11 = String.format("%02d%02d%02d%d%04d", year % 100, 1 + random.nextInt(12),
                        1 + random.nextInt(28), centuryDigit, random.nextInt(10_000));
                String iin = IdentificationNumbers.withCheckDigit(first11);
                if (iin != null && usedIds.add(iin) && !exists("person", "iin", iin)) {
                    return iin;
                }
            }
        }

        private String newBin() {
            while (true) {
                String first11 = String.format("%02d%02d40%05d", 10 + random.nextInt(15), 1 + random.nextInt(12),
                        random.nextInt(100_000));
                String bin = IdentificationNumbers.withCheckDigit(first11);
                if (bin != null && usedIds.add(bin) && !exists("legal_entity", "bin", bin)) {
                    return bin;
                }
            }
        }

        private boolean exists(String table, String column, String id) {
            return !jdbc.queryForList("SELECT 1 FROM " + table + " WHERE " + column + " = ?", id).isEmpty();
        }

        private String name(String[] words) {
            return words[random.nextInt(words.length)];
        }

        void flush() {
            jdbc.batchUpdate("INSERT INTO legal_entity (bin, name, previous_name, name_changed_at, first_head_iin)"
                    + " VALUES (?, ?, ?, ?, ?)", entities);
            jdbc.batchUpdate("INSERT INTO person (iin, surname, given_name, patronymic, birth_date, declared_missing,"
                    + " resides_abroad, declared_incapable, imprisoned, representative_iin, employer_bin)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", persons);
            jdbc.batchUpdate("INSERT INTO civil_death (iin, died_on) VALUES (?, ?)", deaths);
            jdbc.batchUpdate("INSERT INTO civil_name_change (iin, previous_full_name, new_full_name, changed_at)"
                    + " VALUES (?, ?, ?, ?)", nameChanges);
            jdbc.batchUpdate("INSERT INTO permit (permit_id, service_code, holder_id, holder_kind, holder_name, scope,"
                    + " issued_on, valid_until, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')", permits);
            jdbc.batchUpdate("INSERT INTO mobile_subscriber (iin, phone, language) VALUES (?, ?, ?)", phones);
        }
    }
}
