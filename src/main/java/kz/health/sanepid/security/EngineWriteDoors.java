package kz.health.sanepid.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's write doors (issue 14), enforced inside the engine so that {@code /engine-rest}, Tasklist, Cockpit
 * and the Java API all pass through them: a command interceptor that
 * <ol>
 * <li>lets a task be completed, resolved or its form submitted only with the fields of the task's Camunda Form and
 * the values they allow ({@link FormContract}); anything else is refused with a {@link FormFieldValidationException}
 * (400 on {@code /engine-rest}) before the command runs, so nothing changes;</li>
 * <li>refuses to a person who is not an administrator every command that moves a process other than through a
 * form: variable writes, messages, signals, modification, migration, restart, start instructions, suspension,
 * deletion, job, job-definition, incident, external-task and batch operations, deployment
 * ({@link AuthorizationException}, 403) - whatever grants the authorization table holds;</li>
 * <li>refuses the gateway-only messages (the SMS reply, the ДҚБ answer) to every person, administrators included:
 * only the application's gateway endpoints (which act as no person) correlate them.</li>
 * </ol>
 * Code the engine calls (delegates, listeners, the job executor) runs with authorization checks off and is the
 * application's own: the rules 2 and 3 do not apply to it.
 */
@Component
public class EngineWriteDoors extends AbstractProcessEnginePlugin {

    /**
     * Messages no person correlates, whatever their role, and who does (processes/*.bpmn): the outside gateways'
     * endpoints, or the application's own code in a job (professionalregister/RegisterHandOff after an SDU re-issue).
     */
    private static final String GATEWAY = "the application's gateway endpoint";
    static final java.util.Map<String, String> NOT_A_PERSONS_MESSAGES = java.util.Map.of(
            "SmsReply", GATEWAY,
            "ConsentAnswered", GATEWAY,
            "SpecialistCertificateReissued", "the application after an SDU re-issue");
    /** Of those, the ones the outside gateways' endpoints correlate. */
    public static final Set<String> GATEWAY_ONLY_MESSAGES = NOT_A_PERSONS_MESSAGES.entrySet().stream()
            .filter(e -> GATEWAY.equals(e.getValue())).map(java.util.Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final String CMD = "org.camunda.bpm.engine.impl.cmd.";

    /** Commands that move a process other than through a task's form: the administrator's only. */
    static final Set<String> ADMINISTRATORS_ONLY = Stream.of(
            // variables, local or not, of instances, executions and tasks
            CMD + "SetExecutionVariablesCmd", CMD + "RemoveExecutionVariablesCmd", CMD + "PatchExecutionVariablesCmd",
            CMD + "SetTaskVariablesCmd", CMD + "RemoveTaskVariablesCmd", CMD + "PatchTaskVariablesCmd",
            CMD + "batch.variables.SetVariablesToProcessInstancesBatchCmd",
            // messages and signals
            CMD + "CorrelateMessageCmd", CMD + "CorrelateAllMessageCmd", CMD + "batch.CorrelateAllMessageBatchCmd",
            CMD + "MessageEventReceivedCmd", CMD + "SignalEventReceivedCmd", CMD + "SignalCmd",
            // start in the middle, modification, migration, restart
            CMD + "StartProcessInstanceAtActivitiesCmd", CMD + "ModifyProcessInstanceCmd",
            CMD + "ModifyProcessInstanceAsyncCmd", CMD + "ProcessInstanceModificationBatchCmd",
            CMD + "ProcessInstanceModificationCmd", CMD + "RestartProcessInstancesCmd",
            "org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd",
            "org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd",
            "org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd",
            // suspension and deletion
            CMD + "SuspendProcessInstanceCmd", CMD + "ActivateProcessInstanceCmd", CMD + "SuspendProcessDefinitionCmd",
            CMD + "ActivateProcessDefinitionCmd", CMD + "UpdateProcessInstancesSuspendStateCmd",
            CMD + "UpdateProcessInstancesSuspendStateBatchCmd", CMD + "DeleteProcessInstanceCmd",
            CMD + "DeleteProcessInstancesCmd", CMD + "batch.DeleteProcessInstanceBatchCmd",
            // jobs and job definitions
            CMD + "SetJobRetriesCmd", CMD + "SetJobsRetriesBatchCmd", CMD + "SetJobDuedateCmd",
            CMD + "RecalculateJobDuedateCmd", CMD + "SetJobPriorityCmd", CMD + "SetJobDefinitionPriorityCmd",
            CMD + "ExecuteJobsCmd", CMD + "DeleteJobCmd", CMD + "SuspendJobCmd", CMD + "ActivateJobCmd",
            CMD + "SuspendJobDefinitionCmd", CMD + "ActivateJobDefinitionCmd",
            // incidents
            CMD + "CreateIncidentCmd", CMD + "ResolveIncidentCmd", CMD + "SetAnnotationForIncidentCmd",
            // external tasks
            CMD + "FetchExternalTasksCmd", CMD + "LockExternalTaskCmd", CMD + "CompleteExternalTaskCmd",
            CMD + "HandleExternalTaskFailureCmd", CMD + "HandleExternalTaskBpmnErrorCmd",
            CMD + "ExtendLockOnExternalTaskCmd", CMD + "UnlockExternalTaskCmd", CMD + "SetExternalTaskPriorityCmd",
            CMD + "SetExternalTaskRetriesCmd", CMD + "SetExternalTasksRetriesCmd",
            CMD + "SetExternalTasksRetriesBatchCmd",
            // batches and deployments
            "org.camunda.bpm.engine.impl.batch.DeleteBatchCmd", CMD + "SuspendBatchCmd", CMD + "ActivateBatchCmd",
            CMD + "DeployCmd", CMD + "DeleteDeploymentCmd").collect(Collectors.toUnmodifiableSet());

    private static final Field COMPLETE_TASK_ID = field("CompleteTaskCmd", "taskId");
    private static final Field COMPLETE_VARIABLES = field("CompleteTaskCmd", "variables");
    private static final Field SUBMIT_TASK_ID = field("SubmitTaskFormCmd", "taskId");
    private static final Field SUBMIT_PROPERTIES = field("SubmitTaskFormCmd", "properties");
    private static final Field CORRELATE_MESSAGE = field("AbstractCorrelateMessageCmd", "messageName");
    private static final Field BATCH_MESSAGE = field("batch.CorrelateAllMessageBatchCmd", "messageName");
    private static final Field RECEIVED_MESSAGE = field("MessageEventReceivedCmd", "messageName");

    /** Parsed forms per deployment and form id. */
    private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        for (String name : ADMINISTRATORS_ONLY) {
            try {
                Class.forName(name); // a command renamed by an engine upgrade must not slip through unnoticed
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("engine write doors: no command " + name + " in this engine", e);
            }
        }
        List<CommandInterceptor> txRequired = new ArrayList<>(
                nullToEmpty(configuration.getCustomPostCommandInterceptorsTxRequired()));
        txRequired.add(interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(txRequired);
        List<CommandInterceptor> txRequiresNew = new ArrayList<>(
                nullToEmpty(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
        txRequiresNew.add(interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(txRequiresNew);
    }

    /** One per command executor: an interceptor holds its chain's next element. */
    private CommandInterceptor interceptor() {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                guard(command, Context.getCommandContext());
                try {
                    return next.execute(command);
                } catch (RuntimeException failed) {
                    throw refusalOf(command, failed);
                }
            }
        };
    }

    void guard(Command<?> command, CommandContext context) {
        String name = command.getClass().getName();
        if (command instanceof org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd) {
            keepToForm(context, (String) read(COMPLETE_TASK_ID, command), asMap(read(COMPLETE_VARIABLES, command)),
                    command instanceof org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd);
            return;
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd) {
            keepToForm(context, (String) read(SUBMIT_TASK_ID, command), asMap(read(SUBMIT_PROPERTIES, command)), false);
            return;
        }
        Authentication person = context.getAuthentication();
        if (person == null || person.getUserId() == null || !context.isAuthorizationCheckEnabled()) {
            return; // the application's own code, or code the engine calls
        }
        String message = messageName(command);
        if (message != null && NOT_A_PERSONS_MESSAGES.containsKey(message)) {
            throw new AuthorizationException("message " + message + " is correlated only by "
                    + NOT_A_PERSONS_MESSAGES.get(message) + ", never by a person (" + person.getUserId() + ")");
        }
        if (ADMINISTRATORS_ONLY.contains(name) && !context.getAuthorizationManager().isCamundaAdmin(person)) {
            throw new AuthorizationException("user " + person.getUserId() + " may not " + command.getClass()
                    .getSimpleName().replaceAll("Cmd$", "") + ": only an administrator moves a process other than"
                    + " through a task's form (docs/ACCESS.md, engine write doors)");
        }
    }

    /**
     * A refusal of bad input on a task's completion (a listener's or a delegate's {@link FormFieldValidationException},
     * application {@link Refusal} or {@link BadUserRequestException}) reaches the caller as a
     * {@link FormFieldValidationException} with its message - of the Refusal's field where it names one - not
     * wrapped by the engine into a plain exception that {@code /engine-rest} would answer with 500.
     */
    static RuntimeException refusalOf(Command<?> command, RuntimeException failed) {
        boolean completion = command instanceof org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd
                || command instanceof org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
        for (Throwable cause = failed; completion && cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException refusal) {
                return refusal;
            }
            if (cause instanceof Refusal refusal) {
                return new FormFieldValidationException(refusal.field() != null ? refusal.field()
                        : refusal.getMessage(), refusal.getMessage(), refusal);
            }
            if (cause instanceof BadUserRequestException refusal) {
                return new FormFieldValidationException(refusal.getMessage(), refusal.getMessage(), refusal);
            }
        }
        return failed;
    }

    private static String messageName(Command<?> command) {
        if (command instanceof org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd) {
            return (String) read(CORRELATE_MESSAGE, command);
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd) {
            return (String) read(BATCH_MESSAGE, command);
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd) {
            return (String) read(RECEIVED_MESSAGE, command);
        }
        return null;
    }

    /**
     * Refuses {@code submitted} unless it keeps to the task's form. {@code resolving}: the REST resource of resolve
     * answers 400 to a {@link BadUserRequestException}, those of complete and submit-form to a
     * {@link FormFieldValidationException}.
     */
    private void keepToForm(CommandContext context, String taskId, Map<String, Object> submitted, boolean resolving) {
        if (taskId == null) {
            return; // the command refuses it itself
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            return; // not found (the command answers 404), or a stand-alone task of no process
        }
        // who may not work the task learns nothing of its form: the engine's own check first (403)
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        FormContract contract = contractOf(context, task);
        List<String> wrong = contract == null
                ? submitted.keySet().stream().map(k -> k + ": task " + task.getTaskDefinitionKey() + " has no form")
                .toList()
                : contract.violations(submitted, task::getVariable);
        if (!wrong.isEmpty()) {
            String message = "refused, nothing changed: " + String.join("; ", wrong);
            throw resolving ? new BadUserRequestException(message)
                    : new FormFieldValidationException(String.join("; ", wrong), message);
        }
    }

    private FormContract contractOf(CommandContext context, TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
            return null;
        }
        String formId = definition.getCamundaFormDefinitionKey().getExpressionText();
        String binding = definition.getCamundaFormDefinitionBinding();
        if (binding != null && !"deployment".equals(binding)) {
            throw new FormFieldValidationException(formId, "form " + formId + ": binding " + binding
                    + " is not supported by the form contract; use camunda:formRefBinding=\"deployment\"");
        }
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        return contracts.computeIfAbsent(deploymentId + "/" + formId, k -> {
            for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
                if (resource.getName().endsWith(".form") && formId.equals(FormContract.idOf(resource.getBytes()))) {
                    return FormContract.parse(resource.getBytes());
                }
            }
            throw new FormFieldValidationException(formId, "form " + formId + " is not in deployment " + deploymentId);
        });
    }

    /** Plain values of the submitted variables; object, JSON, XML and file values are marked as not plain. */
    private static Map<String, Object> asMap(Object variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (!(variables instanceof Map<?, ?> map)) {
            return plain;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = map instanceof VariableMap typed ? typed.getValueTyped(key) : entry.getValue();
            if (value instanceof SerializableValue || value instanceof org.camunda.bpm.engine.variable.value.FileValue) {
                value = new FormContract.NotPlain(((TypedValue) value).getType() == null ? "serialized"
                        : ((TypedValue) value).getType().getName());
            } else if (value instanceof TypedValue typedValue) {
                value = typedValue.getValue();
            }
            plain.put(key, value);
        }
        return plain;
    }

    private static Field field(String className, String name) {
        try {
            Field field = Class.forName(CMD + className).getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("engine write doors: " + className + "." + name + " not in this engine", e);
        }
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
