package kz.health.sanepid.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters for each role, created at start and kept up to date by name (never duplicated): "Due today",
 * "Overdue" and "My group's complaints" per complaint role, the managers' views over all groups, and the generic
 * "My tasks" and "My group". Deadlines come from the tasks' due dates (camunda:dueDate, working-day calendar).
 *
 * <p>"Due today" is "not yet past and due within 24 hours": every deadline of the working-day calendar is the end
 * of a day in Almaty (23:59:59.999), so exactly today's deadlines fall in that window, whatever the JVM's zone.
 * Not {@code dateTime().withTimeAtStartOfDay()}: the tz data bundled with Joda-Time still has Almaty at UTC+6
 * (Kazakhstan moved to UTC+5 on 1 March 2024), so its "start of day" is 23:00 of the day before.
 */
@Component
@Order(10)
public class TaskFilters implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFilters.class);

    static final String DUE_TODAY = "Бүгін мерзімі / Срок сегодня";
    static final String OVERDUE = "Мерзімі өткен / Просрочено";
    static final String GROUP_COMPLAINTS = "Топтың шағымдары / Жалобы моей группы";
    static final String MY_TASKS = "Менің тапсырмаларым / Мои задачи";
    static final String MY_GROUP = "Менің тобым / Моя группа";
    static final String ALL_GROUPS = "Барлық топтар / Все группы";

    private static final String NOW = "${now()}";
    private static final String IN_24_HOURS = "${dateTime().plusHours(24).toDate()}";

    /** The complaint roles and how Tasklist names them. */
    static final Map<String, String> COMPLAINT_GROUPS = Map.of(
            Roles.PROVIDER_OFFICERS, "Қызмет беруші / Услугодатель",
            Roles.PROVIDER_HEADS, "Қызмет беруші басшысы / Руководитель услугодателя",
            Roles.REVIEWING_BODY_OFFICERS, "Шағымды қарайтын орган / Орган рассмотрения");

    private final FilterService filterService;
    private final TaskService taskService;

    public TaskFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAll();
    }

    /** Creates the missing filters and refreshes the existing ones; answers the names handled. */
    public List<String> ensureAll() {
        List<String> names = new ArrayList<>();
        names.add(ensure(MY_TASKS, -20, "Маған тағайындалған / Назначенные мне",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        names.add(ensure(MY_GROUP, -19, "Менің топтарымның тапсырмалары / Задачи моих групп",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()));
        int priority = -10;
        for (Map.Entry<String, String> group : COMPLAINT_GROUPS.entrySet()) {
            String suffix = " — " + group.getValue();
            names.add(ensure(DUE_TODAY + suffix, priority++, "Мерзімі бүгін аяқталатын / Срок истекает сегодня",
                    dueToday(groupTasks(group.getKey()))));
            names.add(ensure(OVERDUE + suffix, priority++, "Мерзімі өткен / Срок истёк",
                    groupTasks(group.getKey()).dueBeforeExpression(NOW)));
            names.add(ensure(GROUP_COMPLAINTS + suffix, priority++, "Шағымдар (004 қос.2 19-т.) / Жалобы",
                    groupTasks(group.getKey()).processDefinitionKey(ComplaintProcess.KEY)));
        }
        String managers = " — " + ALL_GROUPS;
        names.add(ensure(DUE_TODAY + managers, priority++, "Басшыларға / Для руководителей",
                dueToday(taskService.createTaskQuery())));
        names.add(ensure(OVERDUE + managers, priority++, "Басшыларға / Для руководителей",
                taskService.createTaskQuery().dueBeforeExpression(NOW)));
        names.add(ensure("Барлық шағымдар / Все жалобы", priority, "Басшыларға / Для руководителей",
                taskService.createTaskQuery().processDefinitionKey(ComplaintProcess.KEY)));
        LOG.info("tasklist filters ready: {}", names.size());
        return names;
    }

    private TaskQuery groupTasks(String groupId) {
        return taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks();
    }

    private static TaskQuery dueToday(TaskQuery query) {
        return query.dueAfterExpression(NOW).dueBeforeExpression(IN_24_HOURS);
    }

    private String ensure(String name, int priority, String description, TaskQuery query) {
        List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", ComplaintProcess.COMPLAINT_ID, "label", "Шағым / Жалоба"),
                Map.of("name", "providerBin", "label", "Қызмет беруші БСН / БИН услугодателя")));
        filter.setProperties(properties);
        filter.setQuery(query);
        filterService.saveFilter(filter);
        return name;
    }
}
