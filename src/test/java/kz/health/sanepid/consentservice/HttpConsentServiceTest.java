package kz.health.sanepid.consentservice;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import kz.health.sanepid.consentservice.ConsentService.ConsentAnswer;
import kz.health.sanepid.consentservice.ConsentService.ConsentRequest;
import kz.health.sanepid.consentservice.ConsentService.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter of the ДҚБ port against a local stub server: its contract, time-outs, retries, bad bodies. */
class HttpConsentServiceTest {

    static final ConsentRequest REQUEST = new ConsentRequest("consent-1", "850115300001", "850115300001",
            "040540000014", "SDU re-issuance", Set.of("NAME", "CONTACTS"));

    WireMockServer server;
    HttpConsentService service;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        service = adapter(Duration.ofSeconds(3));
    }

    /** Three attempts in all; a generous read time-out unless a test is about time-outs (the build machine is shared). */
    HttpConsentService adapter(Duration readTimeout) {
        return new HttpConsentService(server.baseUrl() + "/kdp", Duration.ofSeconds(1), readTimeout, 3,
                Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsTheRequestAndReadsTheAnswer() {
        server.stubFor(post("/kdp/requests").willReturn(okJson("{\"requestId\":\"KDP-42\"}")));
        server.stubFor(get("/kdp/requests/KDP-42")
                .willReturn(okJson("{\"status\":\"GRANTED\",\"answeredAt\":\"2026-11-23T05:00:00Z\"}")));

        assertThat(service.request(REQUEST)).isEqualTo("KDP-42");
        assertThat(service.answerOf("KDP-42")).contains(
                new ConsentAnswer("KDP-42", Status.GRANTED, Instant.parse("2026-11-23T05:00:00Z")));

        server.verify(postRequestedFor(urlEqualTo("/kdp/requests"))
                .withHeader("Idempotency-Key", equalTo("consent-1"))
                .withRequestBody(matchingJsonPath("$.requestKey", equalTo("consent-1")))
                .withRequestBody(matchingJsonPath("$.respondentIin", equalTo("850115300001")))
                .withRequestBody(matchingJsonPath("$.categories[0]", equalTo("CONTACTS"))));
    }

    @Test
    void aPendingAnswerAndAnUnknownRequestAreToldApart() {
        server.stubFor(get("/kdp/requests/KDP-1").willReturn(okJson("{\"status\":\"PENDING\",\"answeredAt\":null}")));
        server.stubFor(get("/kdp/requests/KDP-2").willReturn(notFound()));

        assertThat(service.answerOf("KDP-1")).get().extracting(ConsentAnswer::status).isEqualTo(Status.PENDING);
        assertThat(service.answerOf("KDP-2")).isEmpty();
    }

    @Test
    void aSlowAnswerTimesOutAfterTheBoundedRetriesWithAClearException() {
        server.stubFor(post("/kdp/requests").willReturn(okJson("{\"requestId\":\"KDP-1\"}").withFixedDelay(3000)));
        service = adapter(Duration.ofMillis(400));

        assertThatThrownBy(() -> service.request(REQUEST)).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("failed 3 times").hasMessageContaining("no answer within PT0.4S");
        server.verify(3, postRequestedFor(urlEqualTo("/kdp/requests")));
    }

    @Test
    void aServerErrorIsRetriedThenFails() {
        server.stubFor(post("/kdp/requests").willReturn(serverError().withBody("down")));

        assertThatThrownBy(() -> service.request(REQUEST)).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("failed 3 times").hasMessageContaining("HTTP 500");
        server.verify(3, postRequestedFor(urlEqualTo("/kdp/requests")));
    }

    @Test
    void aServerErrorFollowedBySuccessIsRetriedTransparently() {
        server.stubFor(post("/kdp/requests").inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/kdp/requests").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"requestId\":\"KDP-7\"}")));

        assertThat(service.request(REQUEST)).isEqualTo("KDP-7");
        server.verify(2, postRequestedFor(urlEqualTo("/kdp/requests")));
    }

    @Test
    void aDroppedConnectionIsRetriedThenFails() {
        server.stubFor(get("/kdp/requests/KDP-1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> service.answerOf("KDP-1")).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("failed 3 times").hasMessageContaining("I/O error");
        // the JDK client may itself resend an idempotent GET once on a reset connection
        server.verify(moreThanOrExactly(3), getRequestedFor(urlEqualTo("/kdp/requests/KDP-1")));
    }

    @Test
    void aMalformedBodyFailsAtOnceWithAClearException() {
        server.stubFor(post("/kdp/requests").willReturn(okJson("<html>gateway</html>")));
        assertThatThrownBy(() -> service.request(REQUEST)).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("malformed").hasMessageContaining("not JSON");
        server.verify(1, postRequestedFor(urlEqualTo("/kdp/requests")));

        server.stubFor(post("/kdp/requests").willReturn(okJson("{\"id\":\"KDP-1\"}")));
        assertThatThrownBy(() -> service.request(REQUEST)).hasMessageContaining("requestId missing");

        server.stubFor(get("/kdp/requests/KDP-1").willReturn(okJson("{\"status\":\"MAYBE\"}")));
        assertThatThrownBy(() -> service.answerOf("KDP-1")).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("status must be PENDING, GRANTED or REFUSED");

        server.stubFor(get("/kdp/requests/KDP-2").willReturn(okJson("{\"status\":\"GRANTED\",\"answeredAt\":\"yesterday\"}")));
        assertThatThrownBy(() -> service.answerOf("KDP-2")).hasMessageContaining("answeredAt is not an ISO-8601 instant");
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.stubFor(post("/kdp/requests").willReturn(aResponse().withStatus(400)));

        assertThatThrownBy(() -> service.request(REQUEST)).isInstanceOf(ConsentServiceException.class)
                .hasMessageContaining("HTTP 400");
        server.verify(1, postRequestedFor(urlEqualTo("/kdp/requests")));
    }
}
