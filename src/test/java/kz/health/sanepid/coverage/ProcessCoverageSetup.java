package kz.health.sanepid.coverage;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.core.engine.ExclusionCheckKt;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.CompensationEventCoverageHandler;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process test coverage (camunda-process-test-coverage) for every Spring test context: the library's parse
 * listener goes into the engine (what the library's {@code ProcessEngineCoverageConfiguration} does; not imported
 * here because its default properties bean would then stand beside this one), and its test execution listener (registered by the library's own
 * {@code spring.factories}) writes one report per process test class to {@code target/process-test-coverage/}.
 * Registered as an auto-configuration of the test class path
 * ({@code src/test/resources/META-INF/spring/...AutoConfiguration.imports}) rather than with {@code @Import} on
 * each class, so that every test keeps sharing the one cached application context. The thresholds per process are
 * checked over all classes' reports together by {@code ProcessCoverageCheck} in {@code mvn verify}.
 */
@AutoConfiguration
// off under -Pbench: the listener on every element would be measured with the engine (pom.xml, bench profile)
@ConditionalOnProperty(name = "sanepid.test.process-coverage", havingValue = "true", matchIfMissing = true)
public class ProcessCoverageSetup {

    /** The process test classes whose runs are recorded; the other Spring tests run processes only by the way. */
    static final List<String> PROCESS_TEST_PACKAGES = List.of(
            "kz.health.sanepid.reissuance.*",
            "kz.health.sanepid.complaint.*",
            "kz.health.sanepid.consent.*",
            "kz.health.sanepid.disclosure.*",
            "kz.health.sanepid.professionalregister.*");

    @Bean
    AbstractCamundaConfiguration processCoverageEngineExtensions() {
        return new AbstractCamundaConfiguration() {
            @Override
            public void preInit(SpringProcessEngineConfiguration configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
            }

            @Override
            public void postInit(SpringProcessEngineConfiguration configuration) {
                // the library's listeners throw until a test class gives them a collector; what runs before
                // (a profile's start-up data) and in test classes that are not recorded goes nowhere
                for (BpmnParseListener listener : configuration.getCustomPostBPMNParseListeners()) {
                    if (listener instanceof ElementCoverageParseListener coverage) {
                        coverage.setCoverageState(NOWHERE);
                    }
                }
                if (configuration.getEventHandler("compensate") instanceof CompensationEventCoverageHandler handler) {
                    handler.setCoverageState(NOWHERE);
                }
            }
        };
    }

    /** Events of the runs that are not recorded. */
    static final Collector NOWHERE = event -> { };

    /**
     * The library records only the classes it includes, and leaves the engine's listeners pointing at the last
     * recorded class's collector, which throws once that class's runs are over: before a class that is not
     * recorded, this points them nowhere. Registered in {@code src/test/resources/META-INF/spring.factories}.
     */
    public static class NotRecorded implements TestExecutionListener {
        @Override
        public void beforeTestClass(TestContext testContext) {
            if (!ExclusionCheckKt.isExcluded(testContext.getTestClass(), PROCESS_TEST_PACKAGES)) {
                return;
            }
            if (testContext.getApplicationContext().getBeanNamesForType(ProcessEngine.class).length == 0) {
                return;
            }
            new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), NOWHERE)
                    .initializeListeners();
        }
    }

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        ProcessEngineCoverageProperties.Builder builder = ProcessEngineCoverageProperties.builder()
                .handleTestMethodCoverage(false);
        PROCESS_TEST_PACKAGES.forEach(builder::addInclusionPatternForTestClasses);
        return builder.build();
    }
}
