package kz.health.sanepid.reissuance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Registry rows and offers for SDU tests, each with fresh IINs, phones and permit ids. */
@Component
public class SduFixtures {

    public static final String SPECIALIST = "sduspecialist";
    public static final String MANAGER = "sdumanager";
    public static final String PASSWORD = "Sdu#Test-Pass2026";
    public static final String GATEWAY_SECRET = "demo-sms-gateway-secret-2026";

    private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));

    private final JdbcTemplate jdbc;
    private final SduLedger ledger;
    private final StartRecipients starter;
    private final IdentityService identityService;

    public SduFixtures(JdbcTemplate jdbc, SduLedger ledger, StartRecipients starter, IdentityService identityService) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.starter = starter;
        this.identityService = identityService;
    }

    public void users() {
        user(SPECIALIST, "sanepid-specialists");
        user(MANAGER, "managers");
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User u = identityService.newUser(id);
            u.setPassword(PASSWORD);
            identityService.saveUser(u);
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                identityService.saveGroup(identityService.newGroup(group));
            }
            identityService.createMembership(id, group);
        }
    }

    public record Person(String iin, String phone) {
    }

    public enum Flag { MISSING, DEAD, ABROAD, INCAPABLE, IMPRISONED, NO_PHONE }

    public Person person(Flag... flags) {
        return person(newIin(), flags);
    }

    /** A person with a given IIN (one the embedded ДҚБ service is set to answer for, say). */
    public Person person(String iin, Flag... flags) {
        List<Flag> f = List.of(flags);
        jdbc.update("DELETE FROM mobile_subscriber WHERE iin = ?", iin);
        jdbc.update("DELETE FROM person WHERE iin = ?", iin);
        jdbc.update("INSERT INTO person (iin, surname, given_name, patronymic, birth_date, declared_missing,"
                        + " resides_abroad, declared_incapable, imprisoned) VALUES (?, 'Тестов', 'Ерлан', NULL, ?, ?, ?, ?, ?)",
                iin, Date.valueOf(LocalDate.of(1980, 5, 5)), f.contains(Flag.MISSING), f.contains(Flag.ABROAD),
                f.contains(Flag.INCAPABLE), f.contains(Flag.IMPRISONED));
        if (f.contains(Flag.DEAD)) {
            jdbc.update("INSERT INTO civil_death (iin, died_on) VALUES (?, ?)", iin, Date.valueOf(LocalDate.of(2026, 2, 1)));
        }
        String phone = null;
        if (!f.contains(Flag.NO_PHONE)) {
            phone = String.format("+7708%07d", SEQ.incrementAndGet());
            jdbc.update("INSERT INTO mobile_subscriber (iin, phone) VALUES (?, ?)", iin, phone);
        }
        return new Person(iin, phone);
    }

    public String permit(String holderId, String holderKind, int service, String holderName) {
        String permitId = String.format("TEST-SE%d-%07d", service, SEQ.incrementAndGet());
        jdbc.update("INSERT INTO permit (permit_id, service_code, holder_id, holder_kind, holder_name, scope, issued_on,"
                        + " valid_until, status) VALUES (?, ?, ?, ?, ?, 'Food production workshop', ?, ?, 'ACTIVE')",
                permitId, service, holderId, holderKind, holderName, Date.valueOf(LocalDate.of(2023, 3, 3)),
                Date.valueOf(LocalDate.of(2028, 3, 3)));
        return permitId;
    }

    /** The language the mobile citizens base knows for the person ("kk", "ru", or null: unknown). */
    public void language(Person p, String language) {
        jdbc.update("UPDATE mobile_subscriber SET language = ? WHERE iin = ?", language, p.iin());
    }

    /**
     * Offers to the person for several renamed organisations of which they are the first head, all in ONE run (as a
     * run collects them), their instances started; answers the business keys in the order of the names.
     */
    public List<String> offersInOneRun(Person head, String... newOrganisationNames) {
        String runId = newRunId();
        ledger.openRun(runId, null, "test", null);
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (String name : newOrganisationNames) {
            String bin = newBin();
            String permitId = permit(bin, "ORGANISATION", 2, "Old name LLP");
            candidates.add(new Candidate(runId, head.iin(), bin, "ORGANISATION", name, permitId, "LE:" + bin + ":1",
                    Instant.parse("2026-05-20T00:00:00Z")));
        }
        ledger.insertCandidates(candidates);
        starter.startBatch(runId, 10);
        return candidates.stream().map(Candidate::businessKey).toList();
    }

    /** One more offer in an existing run, its instance started (the run's other candidates were started before). */
    public String offerIn(String runId, Person head, String newOrganisationName) {
        String bin = newBin();
        String permitId = permit(bin, "ORGANISATION", 2, "Old name LLP");
        Candidate c = new Candidate(runId, head.iin(), bin, "ORGANISATION", newOrganisationName, permitId,
                "LE:" + bin + ":1", Instant.parse("2026-05-20T00:00:00Z"));
        ledger.insertCandidates(List.of(c));
        starter.startBatch(runId, 10);
        return c.businessKey();
    }

    /** Gives the person the other one's registered number (two people sharing one phone). */
    public Person samePhoneAs(Person p, Person other) {
        jdbc.update("UPDATE mobile_subscriber SET phone = ? WHERE iin = ?", other.phone(), p.iin());
        return new Person(p.iin(), other.phone());
    }

    public String newRunId() {
        return String.format("SDU-20260601-100000-%04x", SEQ.incrementAndGet() & 0xffff);
    }

    /** An offer to the person for a renamed organisation's permit, its instance started as a run would. */
    public String offer(Person head, String newOrganisationName) {
        String bin = newBin();
        String permitId = permit(bin, "ORGANISATION", 2, "Old name LLP");
        String runId = newRunId();
        ledger.openRun(runId, null, "test", null);
        Candidate c = new Candidate(runId, head.iin(), bin, "ORGANISATION", newOrganisationName, permitId,
                "LE:" + bin + ":1", Instant.parse("2026-05-20T00:00:00Z"));
        ledger.insertCandidates(List.of(c));
        starter.startBatch(runId, 10);
        return c.businessKey();
    }

    public String newIin() {
        while (true) {
            String iin = IdentificationNumbers.withCheckDigit(String.format("800505%d%04d", 3, SEQ.incrementAndGet() % 10_000));
            if (iin != null && jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE iin = ?", Integer.class, iin) == 0) {
                return iin;
            }
        }
    }

    public String newBin() {
        while (true) {
            String bin = IdentificationNumbers.withCheckDigit(String.format("210340%05d", SEQ.incrementAndGet() % 100_000));
            if (bin != null && jdbc.queryForObject("SELECT COUNT(*) FROM permit WHERE holder_id = ?", Integer.class, bin) == 0) {
                return bin;
            }
        }
    }

    public Timestamp now() {
        return ledger.now();
    }
}
