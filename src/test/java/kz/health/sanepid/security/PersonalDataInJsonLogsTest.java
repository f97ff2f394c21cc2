package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PersonalDataInLogsTest} against the JSON lines of the profile json-logs: every captured line is one JSON
 * object (Elastic Common Schema) and none holds a generated IIN, phone or name.
 */
@ActiveProfiles({"test", "json-logs"})
@DirtiesContext
class PersonalDataInJsonLogsTest extends PersonalDataInLogsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    void assertFormat(String line) {
        assertThat(line).endsWith("\n");
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).isTrue();
            assertThat(node.has("@timestamp") && node.has("message") && node.path("log").has("level")).as(line).isTrue();
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** Logback again as the other tests' contexts configured it (text lines): this context re-initialised it. */
    @AfterAll
    static void textLinesAgain() {
        LoggingSystem logging = LoggingSystem.get(PersonalDataInJsonLogsTest.class.getClassLoader());
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("test");
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        logging.setLogLevel(null, org.springframework.boot.logging.LogLevel.WARN);
    }
}
