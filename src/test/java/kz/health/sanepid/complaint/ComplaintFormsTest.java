package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.notification.NotificationPort;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Each user task and the start event open a deployed Camunda Form that asks for what the process reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintFormsTest {

    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired ComplaintRegistration registration;
    @Autowired NotificationPort notifications;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theStartEventAndEveryUserTaskReferenceADeployedFormWithTheFieldsTheProcessReads() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult();
        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo("complaint-registration");
        assertThat(keys(form(definition, "complaint-registration"))).contains("applicantId", "applicantName",
                "applicantPhone", "applicantEmail", "serviceCode", "providerBin", "appealedKind", "appealedText",
                "demands", "attachments", "receivedBy", "addressee", "reviewingBody");

        ClockUtil.setCurrentTime(REGISTERED);
        String head = registration.register(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null)).processInstanceId();
        String body = registration.register(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null)).processInstanceId();
        assertThat(taskForm(head, ComplaintProcess.TASK_REVIEW_BY_PROVIDER)).isEqualTo("complaint-head-decision");
        assertThat(keys(form(definition, "complaint-head-decision"))).contains("providerDeadline", "appealedText",
                "demands", "decision", "decisionReasons");
        assertThat(taskForm(body, ComplaintProcess.TASK_FIRST_REVIEW)).isEqualTo("complaint-first-review");
        assertThat(keys(form(definition, "complaint-first-review"))).contains("providerAction", "decisionReasons",
                "caseDocuments");
        taskService.complete(taskService.createTaskQuery().processInstanceId(body).singleResult().getId(),
                Map.of(ComplaintProcess.PROVIDER_ACTION, ComplaintProcess.ACTION_FORWARD,
                        ComplaintProcess.CASE_DOCUMENTS, "case.pdf"));
        assertThat(taskForm(body, ComplaintProcess.TASK_REVIEWING_BODY_DECISION))
                .isEqualTo("complaint-reviewing-body-decision");
        JsonNode decision = form(definition, "complaint-reviewing-body-decision");
        assertThat(keys(decision)).contains("reviewingBodyDeadline", "caseDocuments", "decision", "decisionReasons");
        assertThat(values(decision, "decision")).containsExactly("SATISFIED_IN_FULL", "SATISFIED_IN_PART", "REJECTED");
    }

    @Test
    void theOutboxSendsEachMessageKeyOnce() {
        String key = "outbox-test-" + System.nanoTime();
        assertThat(notifications.notifyGroup(key, "managers", "s", "body")).isTrue();
        assertThat(notifications.notifyGroup(key, "managers", "s", "body")).isFalse();
        assertThat(notifications.notifyApplicant(key + "-a", "+77019998877", "s", "b")).isTrue();
        assertThat(notifications.sentTo("+77019998877")).singleElement()
                .satisfies(n -> assertThat(n.channel()).isEqualTo(NotificationPort.Channel.SMS));
    }

    private String taskForm(String processInstanceId, String taskKey) {
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult().getId();
        return formService.getTaskFormData(taskId).getCamundaFormRef().getKey();
    }

    private JsonNode form(ProcessDefinition definition, String formId) throws IOException {
        String name = repositoryService.getDeploymentResourceNames(definition.getDeploymentId()).stream()
                .filter(n -> n.endsWith(formId + ".form")).findFirst().orElseThrow();
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), name)) {
            JsonNode form = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(form.get("id").asText()).isEqualTo(formId);
            return form;
        }
    }

    private static List<String> keys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }

    private static List<String> values(JsonNode form, String key) {
        List<String> values = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (key.equals(c.path("key").asText())) {
                c.get("values").forEach(v -> values.add(v.get("value").asText()));
            }
        });
        return values;
    }
}
