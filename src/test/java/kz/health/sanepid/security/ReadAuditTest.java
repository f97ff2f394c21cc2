package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import kz.health.sanepid.sms.SmsGateway;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every endpoint that answers with a person's data writes who read whose data, where and why to audit_read, and
 * the data-protection officer reads it back through GET /api/audit. (GET /api/complaints/{id} answers no applicant
 * data - no phone, e-mail, name or IIN - so it writes no audit row; the test checks that too.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadAuditTest {

    enum Endpoint { SDU_RECIPIENTS, SMS_OUTBOX, CONSENTS, DISCLOSURES }

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired SduFixtures sdu;
    @Autowired SmsGateway smsGateway;
    @Autowired JdbcTemplate jdbc;

    SduFixtures.Person person;

    @BeforeEach
    void users() {
        SecurityTestUsers.create(identityService);
        person = sdu.person();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aReadOfAPersonsDataIsAudited(Endpoint endpoint) {
        Role reader;
        String path;
        String audited;
        switch (endpoint) {
            case SDU_RECIPIENTS -> {
                String businessKey = sdu.offer(person, "Audit LLP");
                reader = Role.SPECIALIST;
                path = "/api/sdu/runs/" + businessKey.substring(0, businessKey.indexOf(':')) + "/recipients";
                audited = "/api/sdu/runs/{runId}/recipients";
            }
            case SMS_OUTBOX -> {
                smsGateway.send(sdu.newRunId() + ":" + person.iin() + ":TEST-PERMIT#1", person.phone(), "audit test");
                reader = Role.MANAGER;
                path = "/api/sms/outbox?to=8" + person.phone().substring(2);
                audited = "/api/sms/outbox";
            }
            case CONSENTS -> {
                reader = Role.DPO;
                path = "/api/consents?iin=" + person.iin();
                audited = "/api/consents";
            }
            default -> {
                reader = Role.DPO;
                path = "/api/disclosures?iin=" + person.iin();
                audited = "/api/disclosures";
            }
        }
        assertThat(rows(person.iin())).isZero();
        assertThat(http.withBasicAuth(reader.userId, SecurityTestUsers.PASSWORD).getForEntity(path, String.class)
                .getStatusCode().value()).isEqualTo(200);

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT reader, endpoint, purpose, read_at FROM audit_read"
                + " WHERE subject_iin = ?", person.iin());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("READER", reader.userId).containsEntry("ENDPOINT", audited);
        assertThat((String) audit.get(0).get("PURPOSE")).isNotBlank();
        assertThat(audit.get(0).get("READ_AT")).isNotNull();

        // the data-protection officer reads the audit of that person back
        String back = http.withBasicAuth(Role.DPO.userId, SecurityTestUsers.PASSWORD)
                .getForObject("/api/audit?iin=" + person.iin(), String.class);
        assertThat(back).contains(reader.userId, audited);
    }

    @org.junit.jupiter.api.Test
    void aRefusedReadIsNotAuditedAndAComplaintAnswerHoldsNoApplicantData() {
        assertThat(http.withBasicAuth(Role.PROVIDER.userId, SecurityTestUsers.PASSWORD)
                .getForEntity("/api/consents?iin=" + person.iin(), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rows(person.iin())).isZero();
    }

    long rows(String iin) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_read WHERE subject_iin = ?", Long.class, iin);
    }
}
