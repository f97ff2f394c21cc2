package kz.health.sanepid.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/consents: who may read a subject's consents, and how much of the IINs they see. */
class ConsentApiTest extends ConsentTestSupport {

    ResponseEntity<String> list(String user, String iin) {
        return http.withBasicAuth(user, PASSWORD).getForEntity("/api/consents?iin=" + iin, String.class);
    }

    static List<Map<String, Object>> json(String body) throws Exception {
        return new ObjectMapper().readValue(body, new TypeReference<>() { });
    }

    @Test
    void theOfficerSeesFullIinsManagersSeeThemMaskedOthersAreRefused() throws Exception {
        ProcessInstance pi = start(request(MINOR, "NAME,MEDICAL", "OPERATOR"));
        executeContinuations(pi);
        String consentId = consentOf(pi).consentId();

        ResponseEntity<String> forDpo = list(DPO_USER, MINOR);
        assertThat(forDpo.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> consent = json(forDpo.getBody()).stream().filter(c -> consentId.equals(c.get("consentId")))
                .findFirst().orElseThrow();
        assertThat(consent).containsEntry("status", "GRANTED").containsEntry("subjectIin", MINOR)
                .containsEntry("respondentIin", PARENT).containsEntry("respondentGround", "REPRESENTATIVE_OF_MINOR")
                .containsEntry("medicalSecrecy", true).containsEntry("validToday", true);
        assertThat((List<?>) consent.get("events")).hasSize(2);

        ResponseEntity<String> forManager = http.withBasicAuth(MANAGER_USER, PASSWORD)
                .getForEntity("/api/consents?iin=" + MINOR, String.class);
        assertThat(forManager.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forManager.getBody()).contains(consentId, "10********00", "65********02")
                .doesNotContain(MINOR, PARENT);

        assertThat(list(OTHER_USER, MINOR).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/consents?iin=" + MINOR, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aMalformedIinIsRefusedWithAReason() {
        ResponseEntity<String> answer = http.withBasicAuth(DPO_USER, PASSWORD)
                .getForEntity("/api/consents?iin=12345", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("iin: IIN must be exactly 12 digits");
        assertThat(http.withBasicAuth(DPO_USER, PASSWORD).getForEntity("/api/consents", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
