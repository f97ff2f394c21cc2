package kz.health.sanepid.security;

import static kz.health.sanepid.security.RestCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import kz.health.sanepid.complaint.ComplaintRefusedException;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A {@link Refusal} thrown inside the engine (the complaint start's first service task refuses an unknown service)
 * at each door (engine/EngineRefusals): the application's own code gets the Refusal itself; Camunda's REST resources
 * the engine's own refusal of input, answered as they answer it (a start: 500 "Cannot instantiate process definition
 * ...: " and the reason); the engine logs it as a refusal of input, not as an error. Nothing is started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefusalDoorsTest {

    static final String COMPLAINT = AccessMatrix.COMPLAINT;

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;

    @BeforeEach
    void users() {
        SecurityTestUsers.create(identityService);
    }

    @Test
    void theApplicationsCodeGetsTheRefusalItselfAndTheEngineLogsNoError() {
        Logger context = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        context.addAppender(logged);
        long instances = instances();
        try {
            Refusal refusal = refusalOfJavaStart();
            assertThat(refusal).isInstanceOf(ComplaintRefusedException.class)
                    .isNotInstanceOf(ProcessEngineException.class);
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.reasons()).anySatisfy(r -> assertThat(r).startsWith("serviceCode: unknown service '5'"));
            assertThat(refusal.getMessage()).isEqualTo("the complaint is refused: "
                    + String.join("; ", refusal.reasons()));
        } finally {
            context.detachAppender(logged);
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(instances()).isEqualTo(instances);
    }

    /**
     * Tasklist's {@code /camunda/api/engine} runs the same Camunda resources ({@code org.camunda.bpm.engine.rest}),
     * which is what engine/EngineRefusals recognises, so its start form is answered alike.
     */
    @Test
    void engineRestAnswersItAsTheEnginesOwnRefusalOfInput() {
        String reason = refusalOfJavaStart().getMessage();
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(COMPLAINT)
                .latestVersion().singleResult().getId();
        long instances = instances();
        for (String door : List.of("submit-form", "start")) {
            ResponseEntity<String> answer = RestCalls.call(http, Role.PROVIDER.userId, HttpMethod.POST,
                    "/engine-rest/process-definition/key/" + COMPLAINT + "/" + door,
                    Map.of("variables", typed(form())));
            // engine-rest answers any engine exception of a start with 500 "Cannot instantiate process definition"
            assertThat(answer.getStatusCode().value()).as(door + ": " + answer.getBody()).isEqualTo(500);
            JsonNode json = read(answer.getBody());
            assertThat(json.path("type").asText()).as(door).isEqualTo("RestException");
            assertThat(json.path("message").asText()).as(door)
                    .isEqualTo("Cannot instantiate process definition " + definitionId + ": " + reason);
        }
        assertThat(instances()).isEqualTo(instances);
    }

    private Refusal refusalOfJavaStart() {
        Map<String, Object> variables = new LinkedHashMap<>(form());
        return catchThrowableOfType(() -> runtimeService.startProcessInstanceByKey(COMPLAINT, variables),
                Refusal.class);
    }

    /** Tasklist's start form as an officer fills it in, but for a public service that does not exist. */
    private static Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("applicantId", "900101300017");
        form.put("applicantName", "Synthetic Applicant");
        form.put("applicantPhone", "+77080000001");
        form.put("serviceCode", "5");
        form.put("providerBin", "150340001236");
        form.put("appealedKind", "DECISION");
        form.put("appealedText", "Refusal");
        form.put("demands", "Issue it");
        form.put("addressee", "HEAD_OF_PROVIDER");
        return form;
    }

    private static Map<String, Object> typed(Map<String, String> form) {
        Map<String, Object> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
        return typed;
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(COMPLAINT).count();
    }
}
