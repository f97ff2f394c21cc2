package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The prod profile does not start on demo or default credentials, and says which. The application starts as its own
 * process: a second engine started and closed inside the test JVM would unregister the shared test context's engine
 * that /engine-rest and the webapps look up by name.
 */
class ProductionGuardTest {

    @Test
    void refusesDefaultCredentials() throws Exception {
        Path output = Files.createTempFile("production-guard", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Asia/Almaty", "-cp", applicationClassPath(),
                "kz.health.sanepid.SanepidApplication", "--spring.profiles.active=prod", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.password=", "--camunda.bpm.job-execution.enabled=false",
                "--SANEPID_SMS_GATEWAY_SECRET=demo-sms-gateway-secret-2026",
                "--SANEPID_CONSENT_SERVICE_SECRET=a-real-looking-secret-0123456789");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited = process.waitFor(4, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isNotZero();
        assertThat(log).contains("the prod profile refuses to start")
                .contains("sanepid.gateways.sms-secret is a default value")
                .contains("the database password is empty or a default");
        Files.deleteIfExists(output);
    }

    /** The main classes and the dependencies, without the test classes. */
    static String applicationClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/")).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
