package kz.health.sanepid.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.github.tomakehurst.wiremock.WireMockServer;
import kz.health.sanepid.idnumber.MalformedRegistryRowException;
import kz.health.sanepid.registry.civil.HttpCivilRegistry;
import kz.health.sanepid.registry.legalentity.HttpLegalEntityRegistry;
import kz.health.sanepid.registry.license.HttpLicenseRegistry;
import kz.health.sanepid.registry.license.LicenseRegistry;
import kz.health.sanepid.registry.mobile.HttpMobileCitizenBase;
import kz.health.sanepid.registry.person.HttpPersonRegistry;
import kz.health.sanepid.notification.HttpNotificationRelay;
import kz.health.sanepid.sms.HttpSmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The HTTP adapters against a local stub server: mapping, 404, time-out, 5xx with retries, malformed bodies. */
class HttpAdaptersTest {

    private static final String IIN = "900101300017";
    private WireMockServer server;
    private JsonHttpClient client;
    private String base;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        base = server.baseUrl();
        client = new JsonHttpClient(Jackson2ObjectMapperBuilder.json().build(), Duration.ofSeconds(1),
                Duration.ofMillis(500), 3);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readsAPersonAndSendsTheIinInTheBodyNotTheUrl() {
        server.stubFor(post(urlEqualTo("/persons/lookup")).withRequestBody(equalToJson("{\"iin\":\"" + IIN + "\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"iin":"900101300017","surname":"Алтынбек","givenName":"Айбар","patronymic":null,
                         "birthDate":"1990-01-01","declaredMissing":false,"residesAbroad":true,
                         "declaredIncapable":false,"imprisoned":false,"representativeIin":null}""")));
        var person = new HttpPersonRegistry(client, base).find(IIN).orElseThrow();
        assertThat(person.residesAbroad()).isTrue();
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(person.employer()).as("no employerBin in the answer: no employer").isEmpty();
    }

    @Test
    void readsThePersonsEmployerAndRejectsAMalformedBin() {
        server.stubFor(post(urlEqualTo("/persons/lookup")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"iin":"900101300017","surname":"Алтынбек","givenName":"Айбар","patronymic":null,
                         "birthDate":"1990-01-01","declaredMissing":false,"residesAbroad":false,
                         "declaredIncapable":false,"imprisoned":false,"representativeIin":null,
                         "employerBin":"180540000012"}""")));
        var registry = new HttpPersonRegistry(client, base);
        assertThat(registry.find(IIN).orElseThrow().employer()).contains("180540000012");
        server.stubFor(post(urlEqualTo("/persons/lookup")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"iin":"900101300017","surname":"Алтынбек","givenName":"Айбар","patronymic":null,
                         "birthDate":"1990-01-01","declaredMissing":false,"residesAbroad":false,
                         "declaredIncapable":false,"imprisoned":false,"representativeIin":null,
                         "employerBin":"180540000013"}""")));
        assertThatThrownBy(() -> registry.find(IIN)).isInstanceOf(MalformedRegistryRowException.class);
    }

    @Test
    void aMissingRecordIsEmpty() {
        server.stubFor(post(urlEqualTo("/subscribers/lookup")).willReturn(aResponse().withStatus(404)));
        assertThat(new HttpMobileCitizenBase(client, base).registeredNumber(IIN)).isEmpty();
        server.stubFor(post(urlEqualTo("/deaths/lookup")).willReturn(aResponse().withStatus(404)));
        assertThat(new HttpCivilRegistry(client, base).hasDeathRecord(IIN)).isFalse();
    }

    @Test
    void theMobileBaseAnswersTheSubscribersLanguageWhenItKnowsIt() {
        server.stubFor(post(urlEqualTo("/subscribers/lookup")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"phone\":\"87011234567\",\"language\":\"kk\"}")));
        assertThat(new HttpMobileCitizenBase(client, base).subscriber(IIN)).hasValue(
                new kz.health.sanepid.registry.mobile.MobileCitizenBase.Subscriber("+77011234567", "kk"));
        server.stubFor(post(urlEqualTo("/subscribers/lookup")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"phone\":\"+77011234567\"}")));
        assertThat(new HttpMobileCitizenBase(client, base).subscriber(IIN)).hasValue(
                new kz.health.sanepid.registry.mobile.MobileCitizenBase.Subscriber("+77011234567", null));
        assertThat(new HttpMobileCitizenBase(client, base).registeredNumber(IIN)).hasValue("+77011234567");
    }

    @Test
    void aMalformedRowIsRejectedWithAReason() {
        server.stubFor(post(urlEqualTo("/organisations/first-head"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"iin\":\"900101300018\"}")));
        assertThatThrownBy(() -> new HttpLegalEntityRegistry(client, base).firstHeadIin("150340001236"))
                .isInstanceOf(MalformedRegistryRowException.class)
                .hasMessageContaining("check digit is wrong").hasMessageNotContaining("900101300018");
        server.stubFor(post(urlEqualTo("/subscribers/lookup"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"phone\":\"12\"}")));
        assertThatThrownBy(() -> new HttpMobileCitizenBase(client, base).registeredNumber(IIN))
                .isInstanceOf(MalformedRegistryRowException.class);
    }

    @Test
    void aSlowAnswerTimesOutAfterTheRetries() {
        server.stubFor(post(urlEqualTo("/subscribers/lookup"))
                .willReturn(aResponse().withFixedDelay(1500).withBody("{\"phone\":\"+77011234567\"}")));
        assertThatThrownBy(() -> new HttpMobileCitizenBase(client, base).registeredNumber(IIN))
                .isInstanceOf(OutsideSystemException.class).hasMessageContaining("did not answer");
        server.verify(3, postRequestedFor(urlEqualTo("/subscribers/lookup")));
    }

    @Test
    void a5xxIsRetriedThenFails() {
        server.stubFor(post(urlEqualTo("/name-changes")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> new HttpCivilRegistry(client, base)
                .nameChangesBetween(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(OutsideSystemException.class).hasMessageContaining("503");
        server.verify(3, postRequestedFor(urlEqualTo("/name-changes")));
    }

    @Test
    void aMalformedBodyFailsAtOnce() {
        server.stubFor(post(urlEqualTo("/permits/held")).willReturn(aResponse().withBody("<html>gateway</html>")));
        assertThatThrownBy(() -> new HttpLicenseRegistry(client, base).activePermitsHeldBy(IIN))
                .isInstanceOf(OutsideSystemException.class).hasMessageContaining("malformed");
        server.verify(1, postRequestedFor(urlEqualTo("/permits/held")));
    }

    @Test
    void reissuesAndDelivers() {
        server.stubFor(post(urlEqualTo("/permits/reissue")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"permitId":"EL-1","serviceCode":2,"holderId":"150340001236","holderKind":"ORGANISATION",
                         "holderName":"Жаңа атау","scope":"x","issuedOn":"2026-11-23","validUntil":null,
                         "replacesPermitId":"SE2-1"}""")));
        server.stubFor(put(urlEqualTo("/cabinet/deliveries")).willReturn(aResponse().withStatus(204)));
        HttpLicenseRegistry license = new HttpLicenseRegistry(client, base);
        LicenseRegistry.Permit permit = license.reissueForNewName("SE2-1", "Жаңа атау");
        assertThat(permit.replacesPermitId()).isEqualTo("SE2-1");
        assertThat(permit.holderKind()).isEqualTo(LicenseRegistry.HolderKind.ORGANISATION);
        license.deliverToCabinet("EL-1", IIN);
        server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo("/cabinet/deliveries")));
    }

    @Test
    void theNotificationRelaySendsTheChannelAndReportsARepeatedKey() {
        server.stubFor(post(urlEqualTo("/notifications")).withRequestBody(equalToJson(
                "{\"messageKey\":\"c#1\",\"channel\":\"SMS\",\"recipient\":\"+77011234567\",\"subject\":\"s\",\"body\":\"b\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"accepted\":true}")));
        server.stubFor(post(urlEqualTo("/notifications")).withRequestBody(equalToJson(
                "{\"messageKey\":\"c#2\",\"channel\":\"EMAIL\",\"recipient\":\"a@example.kz\",\"subject\":\"s\",\"body\":\"b\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"accepted\":false}")));
        HttpNotificationRelay relay = new HttpNotificationRelay(client, base);
        assertThat(relay.notifyApplicant("c#1", "+77011234567", "s", "b")).isTrue();
        assertThat(relay.notifyApplicant("c#2", "a@example.kz", "s", "b")).isFalse();
        assertThatThrownBy(() -> relay.notifyGroup("c#3", " ", "s", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(relay.sentTo("+77011234567")).isEmpty();
    }

    @Test
    void theSmsGatewayReportsARepeatedKey() {
        server.stubFor(post(urlEqualTo("/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":false}")));
        assertThat(new HttpSmsGateway(client, base).send("k#1", "+77011234567", "text")).isFalse();
    }
}
