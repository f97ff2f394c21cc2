package kz.health.sanepid.consentservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import kz.health.sanepid.consentservice.ConsentService.ConsentRequest;
import kz.health.sanepid.consentservice.ConsentService.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The embedded ДҚБ service: one request per key, answers from configuration, a late answer recorded once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EmbeddedConsentServiceTest {

    @Autowired
    ConsentService service;
    @Autowired
    JdbcTemplate jdbc;

    static ConsentRequest request(String respondentIin) {
        return new ConsentRequest(UUID.randomUUID().toString(), "850115300001", respondentIin, "040540000014",
                "purpose", Set.of("NAME"));
    }

    @Test
    void theSameKeyNamesTheSameRequestAndAsksOnce() {
        assertThat(service).isInstanceOf(EmbeddedConsentService.class);
        ConsentRequest request = request("900220400000");
        String first = service.request(request);
        String again = service.request(request);

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_service_request WHERE request_id = ?",
                Integer.class, first)).isEqualTo(1);
        assertThat(service.answerOf(first)).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.GRANTED);
            assertThat(a.answeredAt()).isNotNull();
        });
        assertThat(service.answerOf("KDP-none")).isEmpty();
    }

    @Test
    void configuredRespondentsRefuseOrLeaveTheRequestOpenUntilAnswered() {
        String refused = service.request(request("770707400009"));
        assertThat(service.answerOf(refused).orElseThrow().status()).isEqualTo(Status.REFUSED);

        String open = service.request(request("840808500011"));
        assertThat(service.answerOf(open).orElseThrow().status()).isEqualTo(Status.PENDING);
        assertThat(service.answerOf(open).orElseThrow().answeredAt()).isNull();

        EmbeddedConsentService embedded = (EmbeddedConsentService) service;
        assertThat(embedded.answer(open, Status.REFUSED, Instant.parse("2026-11-23T06:00:00Z"))).isTrue();
        assertThat(embedded.answer(open, Status.GRANTED, Instant.parse("2026-11-23T07:00:00Z"))).isFalse();
        assertThat(service.answerOf(open).orElseThrow().status()).isEqualTo(Status.REFUSED);
        assertThatThrownBy(() -> embedded.answer(open, Status.PENDING, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
