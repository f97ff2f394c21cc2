package kz.health.sanepid.security;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

/**
 * Production cannot start unsafe, and says why; a node started with the environment docs/PRODUCTION.md gives starts
 * and serves. The application starts as its own process: a second engine started and closed inside the test JVM would
 * unregister the shared test context's engine that /engine-rest and the webapps look up by name.
 */
class ProductionGuardTest {

    static final String ADMIN = "first-admin";
    static final String ADMIN_PASSWORD = "Bas#Aqimshi-2026x";

    @Test
    void withoutAProfileTheJarRefusesAndNamesDemoAndProd() throws Exception {
        Run run = start(List.of("--server.port=0", h2()), Map.of(), null);
        assertThat(run.exited).as(run.log).isTrue();
        assertThat(run.exitCode).as(run.log).isNotZero();
        assertThat(run.log).contains("no profile is active").contains("--spring.profiles.active=demo")
                .contains("prod").doesNotContain("demo logins ready");
    }

    @Test
    void prodRefusesDefaultCredentialsEmbeddedAdaptersMissingUrlsAndNoAdministrator() throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0", h2(),
                "--spring.datasource.password=", "--SANEPID_SMS_GATEWAY_SECRET=demo-sms-gateway-secret-2026",
                "--SANEPID_CONSENT_SERVICE_SECRET=a-real-looking-secret-0123456789"));
        for (ProductionEnvironment.Port port : ProductionEnvironment.PORTS) {
            args.add("--" + port.adapterProperty() + "=embedded");
        }
        Run run = start(args, Map.of(), null);
        assertThat(run.exited).as(run.log).isTrue();
        assertThat(run.exitCode).as(run.log).isNotZero();
        assertThat(run.log).contains("the prod profile refuses to start")
                .contains("sanepid.gateways.sms-secret is a default value")
                .contains("the database password is empty or a default")
                .contains("ports on their embedded stand-in")
                .contains("no URL for the SMS gateway (set SANEPID_SMS_GATEWAY_URL)")
                .doesNotContain("Tomcat started on port");
        for (ProductionEnvironment.Port port : ProductionEnvironment.PORTS) {
            assertThat(run.log).as(port.name()).contains(port.adapterProperty());
        }
    }

    @Test
    void prodWithoutAnAdministratorRefusesEvenWhenAllElseIsRight() throws Exception {
        WireMockServer outside = new WireMockServer(wireMockConfig().dynamicPort());
        outside.start();
        try {
            Map<String, String> environment = productionEnvironment(outside.baseUrl());
            environment.remove("SANEPID_ADMIN_ID");
            environment.remove("SANEPID_ADMIN_PASSWORD");
            Run run = start(List.of("--server.port=0"), environment, null);
            assertThat(run.exited).as(run.log).isTrue();
            assertThat(run.exitCode).as(run.log).isNotZero();
            assertThat(run.log).contains("no administrator").contains("SANEPID_ADMIN_ID")
                    .doesNotContain("Tomcat started on port");
        } finally {
            outside.stop();
        }
    }

    /**
     * The environment of docs/PRODUCTION.md (H2 in place of PostgreSQL), the outside systems on WireMock: the node
     * starts, its administrator works, the first-run setup is closed and creates nobody.
     */
    @Test
    void theDocumentedEnvironmentStartsAndServes() throws Exception {
        WireMockServer outside = new WireMockServer(wireMockConfig().dynamicPort());
        outside.start();
        int port = freePort();
        try {
            Run run = start(List.of("--server.port=" + port), productionEnvironment(outside.baseUrl()), port);
            try {
                assertThat(run.up).as(run.log).isTrue();
                HttpClient http = HttpClient.newHttpClient();
                String admin = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/user/count")).header("Authorization", admin).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
                assertThat(count.body()).contains("\"count\":1");
                assertThat(count.headers().firstValue("Strict-Transport-Security")).isPresent();

                HttpResponse<String> setup = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/setup/default/user/create")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},"
                                + "\"credentials\":{\"password\":\"Intr#uder-2026x\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(setup.statusCode()).isIn(403, 404);
                HttpResponse<String> intruder = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/user/count?id=intruder")).header("Authorization", admin).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(intruder.body()).contains("\"count\":0");
            } finally {
                run.stop();
            }
        } finally {
            outside.stop();
        }
    }

    @Test
    void docsProductionListsExactlyTheEnvironmentTheGuardDemands() throws IOException {
        assertThat(documentedVariables().keySet()).containsExactlyElementsOf(
                ProductionEnvironment.variables().stream().map(ProductionEnvironment.Variable::name).toList());
    }

    /** The variables of the block between the markers in docs/PRODUCTION.md, in order. */
    static Map<String, String> documentedVariables() throws IOException {
        String doc = Files.readString(Path.of("docs", "PRODUCTION.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- production-environment -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(block.find()).as("docs/PRODUCTION.md has the production-environment block").isTrue();
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : block.group(1).split("\n")) {
            Matcher variable = Pattern.compile("^([A-Z][A-Z0-9_]*)=(\\S*)").matcher(line.strip());
            if (variable.find()) {
                variables.put(variable.group(1), variable.group(2));
            }
        }
        return variables;
    }

    /** The documented environment with test values: H2 instead of PostgreSQL, WireMock for every outside system. */
    static Map<String, String> productionEnvironment(String outsideBase) throws IOException {
        Map<String, String> test = new LinkedHashMap<>();
        test.put("SPRING_PROFILES_ACTIVE", "prod");
        test.put("SANEPID_DB_URL", "unused-without-the-postgres-profile");
        test.put("SANEPID_DB_USER", "sa");
        test.put("SANEPID_DB_PASSWORD", "unused-without-the-postgres-profile");
        test.put("SANEPID_ADMIN_ID", ADMIN);
        test.put("SANEPID_ADMIN_PASSWORD", ADMIN_PASSWORD);
        test.put("SANEPID_SMS_GATEWAY_SECRET", "sms-" + UUID.randomUUID());
        test.put("SANEPID_CONSENT_SERVICE_SECRET", "kdp-" + UUID.randomUUID());
        test.put("SANEPID_TLS", "true");
        for (ProductionEnvironment.Port port : ProductionEnvironment.PORTS) {
            test.put(port.urlVariable(), outsideBase + "/" + port.adapterProperty().substring("sanepid.adapters.".length()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : documentedVariables().keySet()) {
            assertThat(test).as("a test value for " + name).containsKey(name);
            environment.put(name, test.get(name));
        }
        // the H2 database of the test in place of the postgres profile's
        environment.put("SPRING_DATASOURCE_URL", h2().substring("--spring.datasource.url=".length()));
        environment.put("SPRING_DATASOURCE_PASSWORD", "h2-" + UUID.randomUUID());
        environment.put("CAMUNDA_BPM_JOB_EXECUTION_ENABLED", "false");
        return environment;
    }

    static String h2() {
        return "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    record Run(Process process, boolean exited, int exitCode, boolean up, String log) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts the application; waits for it to exit, or (with a port) until it answers there. */
    static Run start(List<String> args, Map<String, String> environment, Integer port) throws Exception {
        Path output = Files.createTempFile("production-guard", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-Duser.timezone=Asia/Almaty", "-cp", applicationClassPath(),
                "kz.health.sanepid.SanepidApplication"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SANEPID_") || k.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        boolean up = false;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && process.isAlive() && port != null && !up) {
            try {
                up = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sdu/runs/none"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 401;
            } catch (IOException notYet) {
                Thread.sleep(1000);
            }
        }
        boolean exited = port == null && process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (port == null && !exited) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Run(process, exited, exited ? process.exitValue() : -1, up, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The main classes and the dependencies, without the test classes. */
    static String applicationClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/")).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
