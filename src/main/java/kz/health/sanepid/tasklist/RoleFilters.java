package kz.health.sanepid.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.disclosure.DisclosureProcess;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Which Tasklist filters a group gets: a role's filters select the tasks of that group only, show the business
 * variables of the role's processes on every task card and list the nearest deadline first. The role follows from
 * the group's id, so groups that appear later in the identity service get their filters at the next start: every
 * {@code provider-*} group (the per-provider {@code provider-<BIN>} and {@code provider-head-<BIN>} groups and
 * {@code provider-heads}) and the
 * reviewing body work complaints; the data-protection officers consent and disclosure tasks; any other workflow
 * group its group's tasks. Managers (no Tasklist; their view is Cockpit and /api) and the administrators (who see
 * every filter) get none.
 *
 * <p>"Due today" is "not yet past and due within 24 hours": every deadline of the working-day calendar is the end
 * of a day in Almaty (23:59:59.999), so exactly today's deadlines fall in that window, whatever the JVM's zone.
 * Not {@code dateTime().withTimeAtStartOfDay()}: the tz data bundled with Joda-Time still has Almaty at UTC+6
 * (Kazakhstan moved to UTC+5 on 1 March 2024), so its "start of day" is 23:00 of the day before.
 */
public final class RoleFilters {

    /** A filter to hold: {@code key} identifies it across restarts (its name may change), shared with the group. */
    public record Spec(String key, String groupId, String name, int priority, String description, TaskQuery query,
            List<Map<String, String>> variables) {
    }

    public enum Role { COMPLAINTS, DATA_PROTECTION, GROUP_TASKS, NONE }

    public static final String MY_TASKS = "Менің тапсырмаларым / Мои задачи";
    public static final String MY_GROUP = "Менің тобым / Моя группа";
    public static final String DUE_TODAY = "Бүгін мерзімі / Срок сегодня";
    public static final String OVERDUE = "Мерзімі өткен / Просрочено";
    public static final String LEGAL_GROUNDS = "Өңдеу негізін растау / Подтверждение основания обработки";
    public static final String REVOCATIONS = "Келісімді кері қайтару / Отзывы согласия";
    public static final String DISCLOSURES = "Медициналық құпияны ашу / Раскрытие врачебной тайны";

    private static final String NOW = "${now()}";
    private static final String IN_24_HOURS = "${dateTime().plusHours(24).toDate()}";

    public static final List<Map<String, String>> COMPLAINT_VARIABLES = List.of(
            variable(ComplaintProcess.COMPLAINT_ID, "Шағым / Жалоба"),
            variable(ComplaintProcess.ADDRESSEE, "Бағыты / Маршрут"),
            variable(ComplaintProcess.DECISION_DEADLINE, "Шешім мерзімі / Срок решения"),
            variable(ComplaintProcess.PROVIDER_DEADLINE, "Қызмет беруші мерзімі / Срок услугодателя"),
            variable("providerBin", "Қызмет беруші БСН / БИН услугодателя"));
    public static final List<Map<String, String>> CONSENT_VARIABLES = List.of(
            variable(ConsentProcess.SUBJECT_MASKED, "Субъект ЖСН / ИИН субъекта"),
            variable(ConsentProcess.PURPOSE, "Мақсаты / Цель"));
    public static final List<Map<String, String>> DISCLOSURE_VARIABLES = List.of(
            variable(DisclosureProcess.DISCLOSURE_ID, "Сұрау / Запрос"),
            variable(DisclosureProcess.REQUESTER_KIND, "Сұраушы / Запрашивающий"),
            variable(DisclosureProcess.PROPOSED_GROUND, "Негіз (95-б. 4-т.) / Основание (ст. 95 п. 4)"));

    private final TaskService taskService;

    public RoleFilters(TaskService taskService) {
        this.taskService = taskService;
    }

    public static Role roleOf(String groupId) {
        if (Roles.MANAGERS.equals(groupId) || Roles.ADMINISTRATORS.equals(groupId)) {
            return Role.NONE;
        }
        if (groupId.startsWith("provider-") || Roles.REVIEWING_BODY_OFFICERS.equals(groupId)) {
            return Role.COMPLAINTS;
        }
        if (Roles.DATA_PROTECTION_OFFICERS.equals(groupId)) {
            return Role.DATA_PROTECTION;
        }
        return Role.GROUP_TASKS;
    }

    /** The filters of one group, in Tasklist's order. */
    public List<Spec> forGroup(String groupId) {
        List<Spec> specs = new ArrayList<>();
        Role role = roleOf(groupId);
        if (role == Role.NONE) {
            return specs;
        }
        List<Map<String, String>> variables = switch (role) {
            case COMPLAINTS -> COMPLAINT_VARIABLES;
            case DATA_PROTECTION -> concat(CONSENT_VARIABLES, DISCLOSURE_VARIABLES);
            default -> List.of();
        };
        specs.add(spec(groupId, "my-tasks", MY_TASKS, -30, "Маған тағайындалған / Назначенные мне",
                byDueDate(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), variables));
        specs.add(spec(groupId, "group", MY_GROUP, -29, "Менің тобымның тапсырмалары / Задачи моей группы",
                byDueDate(groupTasks(groupId)), variables));
        if (role == Role.GROUP_TASKS) {
            return specs;
        }
        specs.add(spec(groupId, "due-today", DUE_TODAY, -28, "Мерзімі бүгін аяқталатын / Срок истекает сегодня",
                byDueDate(groupTasks(groupId).dueAfterExpression(NOW).dueBeforeExpression(IN_24_HOURS)), variables));
        specs.add(spec(groupId, "overdue", OVERDUE, -27, "Мерзімі өткен / Срок истёк",
                byDueDate(groupTasks(groupId).dueBeforeExpression(NOW)), variables));
        if (role == Role.DATA_PROTECTION) {
            specs.add(spec(groupId, "legal-grounds", LEGAL_GROUNDS, -26, "94-V Заң 9-б. / Закон 94-V ст. 9",
                    byDueDate(groupTasks(groupId).processDefinitionKey(ConsentProcess.PROCESS_ID)), CONSENT_VARIABLES));
            specs.add(spec(groupId, "revocations", REVOCATIONS, -25, "94-V Заң 8-б. / Закон 94-V ст. 8",
                    byDueDate(groupTasks(groupId).processDefinitionKey(ConsentProcess.REVOCATION_PROCESS_ID)),
                    CONSENT_VARIABLES));
            specs.add(spec(groupId, "disclosures", DISCLOSURES, -24, "ДК 95-б. / Кодекс о здоровье ст. 95",
                    byDueDate(groupTasks(groupId).processDefinitionKey(DisclosureProcess.PROCESS_ID)),
                    DISCLOSURE_VARIABLES));
        }
        return specs;
    }

    private TaskQuery groupTasks(String groupId) {
        return taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks();
    }

    /** The nearest deadline first; Tasklist's own sort (created, by default) comes after the filter's. */
    private static TaskQuery byDueDate(TaskQuery query) {
        return query.orderByDueDate().asc();
    }

    private static Spec spec(String groupId, String kind, String name, int priority, String description,
            TaskQuery query, List<Map<String, String>> variables) {
        return new Spec(groupId + ":" + kind, groupId, name, priority, description, query, variables);
    }

    private static Map<String, String> variable(String name, String label) {
        return Map.of("name", name, "label", label);
    }

    private static List<Map<String, String>> concat(List<Map<String, String>> a, List<Map<String, String>> b) {
        List<Map<String, String>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
