package kz.health.sanepid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every user task has a form, and every formRef names a form deployed in the same deployment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormReferencesTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyFormRefResolvesToADeployedForm() throws IOException {
        List<String> problems = new ArrayList<>();
        int references = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            Set<String> deployedForms = formIds(definition.getDeploymentId());
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String ref = task.getCamundaFormRef();
                if (ref == null) {
                    problems.add(definition.getKey() + "/" + task.getId() + " has no formRef");
                } else {
                    references++;
                    check(definition.getKey(), task.getId(), ref, task.getCamundaFormRefBinding(), deployedForms, problems);
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    references++;
                    check(definition.getKey(), start.getId(), start.getCamundaFormRef(),
                            start.getCamundaFormRefBinding(), deployedForms, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(references).as("form references checked").isGreaterThanOrEqualTo(10);
    }

    private static void check(String process, String element, String ref, String binding, Set<String> forms,
                              List<String> problems) {
        if (!"deployment".equals(binding)) {
            problems.add(process + "/" + element + " binds its form '" + ref + "' by " + binding + ", not deployment");
        }
        if (!forms.contains(ref)) {
            problems.add(process + "/" + element + " refers to form '" + ref + "', not in its deployment");
        }
    }

    private Set<String> formIds(String deploymentId) throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
            if (resource.getName().endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource.getName())) {
                    ids.add(json.readTree(in).path("id").asText());
                }
            }
        }
        return ids;
    }

}
