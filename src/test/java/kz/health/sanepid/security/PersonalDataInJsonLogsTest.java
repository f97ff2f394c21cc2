package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link PersonalDataInLogsTest} against the JSON lines of the profile json-logs: every captured line is one JSON
 * object (Elastic Common Schema) and none holds a generated IIN, phone or name.
 *
 * <p>A second context in the JVM (the profile differs): its engine has a name of its own, reached at
 * /engine-rest/engine/{name}, and it starts no webapps. Under the name "default" it would replace the shared test
 * context's engine in the JVM-wide registry /engine-rest looks engines up in, and its close would remove that name, so
 * every /engine-rest call of the classes after it failed; a second copy of the webapps clears their JVM-wide runtime
 * when it stops (see SduEndToEndTest). Its logging is its own too ({@link OwnLogging}), and text lines again after
 * it ({@link #textLinesAgain()}).
 */
@ActiveProfiles({"test", "json-logs"})
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=" + PersonalDataInJsonLogsTest.ENGINE,
        "camunda.bpm.webapp.enabled=false"})
@TestExecutionListeners(listeners = PersonalDataInJsonLogsTest.OwnLogging.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@DirtiesContext
class PersonalDataInJsonLogsTest extends PersonalDataInLogsTest {

    static final String ENGINE = "jsonLogs";
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String engineRest() {
        return "/engine-rest/engine/" + ENGINE;
    }

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

    /**
     * Before this class's context starts (first among the listeners: others load the context in beforeTestClass),
     * Logback is released, so that the context configures it from the profile json-logs. Spring Boot configures
     * Logback once until a context closes: after another context that is still open (the shared one, cached), this
     * context's lines were that context's text lines.
     */
    static class OwnLogging implements TestExecutionListener, Ordered {
        @Override
        public void beforeTestClass(TestContext testContext) {
            LoggingSystem.get(PersonalDataInJsonLogsTest.class.getClassLoader()).cleanUp();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
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
