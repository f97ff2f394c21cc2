package kz.health.sanepid.complaint;

import java.util.List;

import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Open provider tasks created before the candidate group became the provider's own (an existing database: their
 * candidate group is still {@code provider-officers}, every provider's officers, or {@code provider-heads}, every
 * provider's heads) move to their provider's group at start ({@code provider-<BIN>}, {@code provider-head-<BIN>}), so
 * no provider keeps seeing another's complaint.
 */
@Component
@Order(5)
public class ProviderTaskGroups implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderTaskGroups.class);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final AuthorizationService authorizationService;
    private final ProviderCandidateGroup providerCandidateGroup;

    public ProviderTaskGroups(TaskService taskService, RuntimeService runtimeService,
            AuthorizationService authorizationService, ProviderCandidateGroup providerCandidateGroup) {
        this.authorizationService = authorizationService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.providerCandidateGroup = providerCandidateGroup;
    }

    @Override
    public void run(ApplicationArguments args) {
        moveToTheProvidersGroups();
    }

    /** Answers how many tasks moved. */
    public int moveToTheProvidersGroups() {
        int moved = move(ComplaintProcess.TASK_FIRST_REVIEW, Roles.PROVIDER_OFFICERS, providerCandidateGroup::of)
                + move(ComplaintProcess.TASK_REVIEW_BY_PROVIDER, Roles.PROVIDER_HEADS, providerCandidateGroup::headOf);
        if (moved > 0) {
            LOG.info("open provider tasks moved to their provider's group: {}", moved);
        }
        return moved;
    }

    private int move(String taskKey, String sharedGroup, java.util.function.UnaryOperator<String> groupOfComplaint) {
        List<Task> shared = taskService.createTaskQuery().processDefinitionKey(ComplaintProcess.KEY)
                .taskDefinitionKey(taskKey).taskCandidateGroup(sharedGroup).includeAssignedTasks().list();
        for (Task task : shared) {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            taskService.addCandidateGroup(task.getId(), groupOfComplaint.apply(instance.getBusinessKey()));
            taskService.deleteCandidateGroup(task.getId(), sharedGroup);
            // the engine leaves the old group's grant on the task when its candidate link goes: removed as well
            authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                    .groupIdIn(sharedGroup).list()
                    .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        }
        return shared.size();
    }
}
