package kz.health.sanepid.professionalregister;

import java.time.Instant;
import java.util.List;

import kz.health.sanepid.reissuance.Candidate;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.reissuance.SduLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An individual's specialist certificate (service 1) re-issued by SDU as the recipient process leaves it (ledger row
 * with the new permit, e-license documents), handed over by {@link RegisterHandOff} as End_Reissued does.
 */
@Component
public class RegisterFixtures {

    public static final String NEW_NAME = "Жаңаев Ерлан Сәкенұлы";

    private final SduFixtures sdu;
    private final SduLedger ledger;
    private final RegisterHandOff handOff;
    private final JdbcTemplate jdbc;

    public RegisterFixtures(SduFixtures sdu, SduLedger ledger, RegisterHandOff handOff, JdbcTemplate jdbc) {
        this.sdu = sdu;
        this.ledger = ledger;
        this.handOff = handOff;
        this.jdbc = jdbc;
    }

    public record Reissued(String iin, String recipientKey, String oldPermitId, String certificateId,
                           String processInstanceId) {
    }

    /** A person working at {@code employerBin} (null: no employer) whose certificate was re-issued; handed over. */
    public Reissued reissuedCertificate(String employerBin) {
        return reissued(employerBin, 1);
    }

    /** As above for a permit of {@code service}; {@code processInstanceId} null when nothing was started. */
    public Reissued reissued(String employerBin, int service) {
        SduFixtures.Person person = sdu.person();
        employ(person.iin(), employerBin);
        String old = sdu.permit(person.iin(), "PERSON", service, "Тестов Ерлан");
        String runId = sdu.newRunId();
        ledger.openRun(runId, null, "test", null);
        Candidate c = new Candidate(runId, person.iin(), person.iin(), "PERSON", NEW_NAME, old,
                "CN:" + person.iin() + ":" + old, Instant.parse("2026-03-19T00:00:00Z"));
        ledger.insertCandidates(List.of(c));
        String certificate = sdu.permit(person.iin(), "PERSON", service, NEW_NAME);
        jdbc.update("UPDATE permit SET replaces_permit_id = ? WHERE permit_id = ?", old, certificate);
        jdbc.update("UPDATE permit SET status = 'REPLACED' WHERE permit_id = ?", old);
        ledger.reissued(c.businessKey(), certificate);
        String instance = handOff.afterReissue(c.businessKey()).orElse(null);
        return new Reissued(person.iin(), c.businessKey(), old, certificate, instance);
    }

    public void employ(String iin, String employerBin) {
        jdbc.update("UPDATE person SET employer_bin = ? WHERE iin = ?", employerBin, iin);
    }
}
