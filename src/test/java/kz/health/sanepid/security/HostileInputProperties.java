package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Property-based: malformed and hostile input at every {@code /api/**} endpoint and at the inbound SMS (wrong types,
 * missing fields, oversized bodies, invalid IIN/BIN, unknown enum values, script and SQL fragments, unicode edge
 * cases). Every answer is a 4xx (or, for input that happens to be valid, a 2xx) with a JSON message and no stack
 * trace, never a 5xx, and a refusal writes nothing: the application's tables and the process instances are counted
 * before and after. jqwik has no Spring integration here, so the properties run against their own application
 * context (test profile, its own in-memory database and engine name), started once for the container.
 */
class HostileInputProperties {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TABLES = List.of("calendar_entry", "sdu_run", "sdu_recipient", "sdu_sms_inbound",
            "sms_outbox", "consent_event", "consent_obligation", "consent_service_request", "complaint",
            "complaint_event", "notification_outbox", "audit_read", "disclosure_request", "erasure_request");
    static final String SMS_SECRET = "demo-sms-gateway-secret-2026";
    static final String CONSENT_SECRET = "demo-consent-service-secret-2026";

    static ConfigurableApplicationContext context;
    static HttpClient client;
    static String base;

    /** A POST endpoint, the role that passes its authorization, and the fields its body has. */
    record Post(String path, Role role, String gatewaySecret, List<String> fields) {
    }

    static final List<Post> POSTS = List.of(
            new Post("/api/sdu/runs", Role.SPECIALIST, null, List.of("windowFrom")),
            new Post("/api/complaints", Role.PROVIDER, null, List.of("applicantId", "applicantName", "applicantPhone",
                    "applicantEmail", "serviceCode", "providerBin", "appealedKind", "appealedText", "demands",
                    "attachments", "addressee", "reviewingBody", "registeredAt")),
            new Post("/api/disclosures", Role.DPO, null, List.of("requesterKind", "requesterName", "requesterIdNumber",
                    "requesterCapacity", "patientIin", "dataCategories", "purposeKind", "purpose", "documentKind",
                    "documentRef")),
            new Post("/api/consents/CR-1/revocation", Role.DPO, null, List.of("subjectIin", "channel", "reason")),
            new Post("/api/calendar/entries", Role.ADMIN, null, List.of("day", "kind", "description")),
            new Post("/api/erasure", Role.DPO, null, List.of("iin", "reason")),
            new Post("/api/sms/inbound", null, SMS_SECRET, List.of("from", "text", "receivedAt")),
            new Post("/api/consent-service/answers", null, CONSENT_SECRET, List.of("requestId", "answer")));

    /** A GET endpoint with the role allowed to read it and its parameters (path variables in braces). */
    record Get(String path, Role role, List<String> parameters) {
    }

    static final List<Get> GETS = List.of(
            new Get("/api/consents", Role.DPO, List.of("iin")),
            new Get("/api/disclosures", Role.DPO, List.of("iin")),
            new Get("/api/audit", Role.DPO, List.of("iin", "limit")),
            new Get("/api/sdu/runs/{runId}", Role.SPECIALIST, List.of()),
            new Get("/api/sdu/runs/{runId}/recipients", Role.MANAGER, List.of("page", "size")),
            new Get("/api/sms/outbox", Role.SPECIALIST, List.of("to")),
            new Get("/api/complaints/{complaintId}", Role.MANAGER, List.of()),
            new Get("/api/calendar/deadline", Role.PROVIDER, List.of("from", "workingDays")),
            new Get("/api/calendar/days-off", Role.REVIEWER, List.of("year")));

    static OwnApplication application;

    @BeforeContainer
    static void start() {
        application = OwnApplication.start("hostileInput", "hostile-input");
        context = application.context();
        base = application.base();
        client = application.client();
    }

    @AfterContainer
    static void stop() {
        OwnApplication.stop(application);
    }

    // ---- properties

    @Property(tries = 100)
    void hostileBodiesAreRefusedWithAClearMessageAndWriteNothing(@ForAll("posts") Post post,
                                                                 @ForAll("bodies") String body) throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> answer = post(post, body);
        assertClearAnswer(answer, post.path() + " " + abbreviate(body));
        if (answer.statusCode() >= 400) {
            assertThat(counts()).as("nothing written on refusal of %s", abbreviate(body)).isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void hostileFieldValuesAreRefusedWithAClearMessageAndWriteNothing(@ForAll("posts") Post post,
                                                                      @ForAll("objects") Map<String, Object> fields)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> names = post.fields();
        int i = 0;
        for (Object value : fields.values()) {
            body.put(names.get(i++ % names.size()), value);
        }
        fields.forEach((k, v) -> body.putIfAbsent(k, v));
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (Exception notEncodable) {
            Assume.that(false);
            return;
        }
        Map<String, Long> before = counts();
        HttpResponse<String> answer = post(post, json);
        assertClearAnswer(answer, post.path() + " " + abbreviate(json));
        if (answer.statusCode() >= 400) {
            assertThat(counts()).as("nothing written on refusal of %s", abbreviate(json)).isEqualTo(before);
        }
    }

    @Property(tries = 80)
    void hostileParametersAreRefusedWithAClearMessage(@ForAll("gets") Get get, @ForAll("hostile") String value,
                                                      @ForAll("hostile") String other) throws Exception {
        Map<String, Long> before = counts();
        UriComponentsBuilder uri = UriComponentsBuilder.fromHttpUrl(base).path(get.path()
                .replaceAll("\\{[a-zA-Z]+}", java.util.regex.Matcher.quoteReplacement(pathSafe(value))));
        for (int i = 0; i < get.parameters().size(); i++) {
            uri.queryParam(get.parameters().get(i), i == 0 ? value : other);
        }
        URI target = uri.build().encode().toUri();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target).GET().timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(get.role())).build(), HttpResponse.BodyHandlers.ofString());
        assertClearAnswer(answer, target.toString());
        if (answer.statusCode() >= 400) {
            assertThat(counts()).isEqualTo(before);
        }
    }

    @Example
    void aQueryStringLongerThanTomcatReadsIsRefusedWithJsonNotTomcatsPage() throws Exception {
        // 3,000 Cyrillic letters are 18,000 characters once encoded: beyond Tomcat's 8 KB request line
        URI target = UriComponentsBuilder.fromHttpUrl(base).path("/api/consents").queryParam("iin", "Ж".repeat(3000))
                .build().encode().toUri();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(target).GET().header("Authorization",
                basic(Role.DPO)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("too long");
    }

    @Property(tries = 10)
    void oversizedBodiesAreRefusedWith413(@ForAll("posts") Post post,
                                          @ForAll("oversized") String body) throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> answer = post(post, body);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("too large");
        assertThat(counts()).isEqualTo(before);
    }

    // ---- generators

    @Provide
    Arbitrary<Post> posts() {
        return Arbitraries.of(POSTS);
    }

    @Provide
    Arbitrary<Get> gets() {
        return Arbitraries.of(GETS);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1",
                        "'; DROP TABLE complaint; --", "1; DELETE FROM sdu_run", "${jndi:ldap://x/a}", "#{7*7}",
                        "../../etc/passwd", "%00", "\u0000", "\u202Eevil", "ЖСН", "Ерлан Тестов", "😀😀😀", "\uFEFF",
                        "１２３４５６７８９０１２", "900101300000", "9001013000000", "990240002450", "-1", "0",
                        "2147483648", "NaN", "1e309", "true", "null", "", " ", "2026-02-30", "2026-13-01",
                        "SATISFIED_IN_FULL_OR_NOT", "HEAD_OF_PROVIDER ", "COURT\n", "+7701123456", "+770112345678",
                        "87011234567x", "2026-05-01T10:00:00", "9999-12-31T23:59:59Z"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(10).ofMaxLength(14),
                Arbitraries.strings().all().ofMinLength(300).ofMaxLength(2000));
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(hostile().map(s -> (Object) s),
                Arbitraries.integers().map(n -> (Object) n), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        return Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), scalar).ofMaxSize(3).map(m -> (Object) m));
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), values()).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[]", "[{}]", "\"text\"", "123", "null", "{\"a\":}", "{'a':1}",
                        "{\"windowFrom\":[1,2]}", "{\"iin\":{\"$ne\":null}}", "<xml/>", "{\"from\":12345}",
                        "{\"text\":\"1\",\"from\":\"+77011234567\",\"receivedAt\":12}", "\u0000\u0001"),
                hostile().map(s -> "{\"" + s.replace("\"", "") + "\":\"" + s.replace("\"", "") + "\"}"),
                hostile());
    }

    @Provide
    Arbitrary<String> oversized() {
        return Combinators.combine(Arbitraries.integers().between(65_537, 200_000), Arbitraries.of('a', 'Ж', '1'))
                .as((n, c) -> "{\"text\":\"" + String.valueOf(c).repeat(n) + "\"}");
    }

    // ---- helpers

    static HttpResponse<String> post(Post post, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + post.path()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (post.role() != null) {
            request.header("Authorization", basic(post.role()));
        }
        if (post.gatewaySecret() != null) {
            SignedGatewayRequest.headers(post.gatewaySecret(), body).forEach(request::header);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertClearAnswer(HttpResponse<String> answer, String what) throws Exception {
        assertThat(answer.statusCode()).as("%s -> %s", what, answer.body()).isLessThan(500);
        assertThat(answer.body()).as(what).doesNotContain("Exception", "\tat ", "at kz.health", "at org.");
        if (answer.statusCode() >= 400) {
            assertThat(answer.statusCode()).as(what).isBetween(400, 499);
            JsonNode json = JSON.readTree(answer.body());
            assertThat(json.path("error").asText()).as("%s -> %s", what, answer.body()).isNotBlank();
        }
    }

    static Map<String, Long> counts() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("process instances", context.getBean(RuntimeService.class).createProcessInstanceQuery().count());
        return counts;
    }

    /** Path variables: what a URL path can carry at all (Tomcat refuses encoded slashes before the application). */
    static String pathSafe(String value) {
        String cleaned = value.replaceAll("[/\\\\%;\\p{Cntrl}]", "").strip();
        return cleaned.isEmpty() ? "x" : cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    static String basic(Role role) {
        return "Basic " + Base64.getEncoder().encodeToString((role.userId + ":" + SecurityTestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

}
