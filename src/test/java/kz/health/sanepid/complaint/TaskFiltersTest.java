package kz.health.sanepid.complaint;

import static kz.health.sanepid.complaint.ComplaintTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.health.sanepid.security.ProviderOfficers;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.tasklist.RoleFilters;
import kz.health.sanepid.tasklist.TaskFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Tasklist filters: each role's own, shared with its group only (also groups the identity service gains later,
 * such as a provider's own group), never duplicated, selecting by the tasks' working-day due dates, nearest first,
 * and showing the business variables of the role's processes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFiltersTest {

    @Autowired FilterService filterService;
    @Autowired TaskFilters taskFilters;
    @Autowired ComplaintRegistration registration;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskService taskService;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void eachRoleSeesItsOwnFiltersOnly() {
        taskFilters.ensureAll();
        assertThat(visibleTo(Roles.PROVIDER_OFFICERS)).containsExactly(RoleFilters.MY_TASKS, RoleFilters.MY_GROUP,
                RoleFilters.DUE_TODAY, RoleFilters.OVERDUE);
        assertThat(visibleTo(Roles.PROVIDER_HEADS)).containsExactly(RoleFilters.MY_TASKS, RoleFilters.MY_GROUP,
                RoleFilters.DUE_TODAY, RoleFilters.OVERDUE);
        assertThat(visibleTo(Roles.REVIEWING_BODY_OFFICERS)).containsExactly(RoleFilters.MY_TASKS,
                RoleFilters.MY_GROUP, RoleFilters.DUE_TODAY, RoleFilters.OVERDUE);
        assertThat(visibleTo(Roles.SANEPID_SPECIALISTS)).containsExactly(RoleFilters.MY_TASKS, RoleFilters.MY_GROUP);
        assertThat(visibleTo(Roles.DATA_PROTECTION_OFFICERS)).containsExactly(RoleFilters.MY_TASKS,
                RoleFilters.MY_GROUP, RoleFilters.DUE_TODAY, RoleFilters.OVERDUE, RoleFilters.LEGAL_GROUNDS,
                RoleFilters.REVOCATIONS, RoleFilters.DISCLOSURES);
        assertThat(visibleTo(Roles.MANAGERS)).isEmpty();
        assertThat(visibleTo("strangers")).isEmpty();
        // the provider's filters select the provider's group: the same name, another filter than the reviewer's
        assertThat(filterOf(Roles.PROVIDER_OFFICERS, RoleFilters.MY_GROUP).getId())
                .isNotEqualTo(filterOf(Roles.REVIEWING_BODY_OFFICERS, RoleFilters.MY_GROUP).getId());
    }

    @Test
    void filtersAreKeptByKeyAndNotDuplicated() {
        List<String> first = taskFilters.ensureAll();
        List<String> second = taskFilters.ensureAll();
        assertThat(second).containsExactlyInAnyOrderElementsOf(first).contains(Roles.PROVIDER_OFFICERS + ":overdue");
        List<Object> keys = filterService.createTaskFilterQuery().list().stream()
                .map(f -> f.getProperties().get(TaskFilters.KEY)).filter(Objects::nonNull).toList();
        assertThat(keys).doesNotHaveDuplicates().hasSameSizeAs(first);
    }

    @Test
    void aGroupDiscoveredInTheIdentityServiceGetsItsOwnFiltersAndLosesThemWhenGone() {
        String groupId = "provider-" + uniqueProviderBin(71);
        Group group = identityService.newGroup(groupId);
        group.setName("Емхана №7 / Поликлиника №7");
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        try {
            taskFilters.ensureAll();
            assertThat(visibleTo(groupId)).containsExactly(RoleFilters.MY_TASKS + " — Емхана №7 / Поликлиника №7",
                    RoleFilters.MY_GROUP + " — Емхана №7 / Поликлиника №7",
                    RoleFilters.DUE_TODAY + " — Емхана №7 / Поликлиника №7",
                    RoleFilters.OVERDUE + " — Емхана №7 / Поликлиника №7");
            assertThat(visibleTo(Roles.PROVIDER_OFFICERS)).hasSize(4).noneMatch(n -> n.contains("Емхана"));
            assertThat(filterOf(groupId, RoleFilters.MY_GROUP).getProperties().get("variables"))
                    .isEqualTo(RoleFilters.COMPLAINT_VARIABLES);
        } finally {
            identityService.deleteGroup(groupId);
        }
        taskFilters.ensureAll();
        assertThat(filterService.createTaskFilterQuery().filterNameLike("%Емхана%").count()).isZero();
    }

    @Test
    void theFiltersAndTheGrantOfEarlierVersionsAreRemoved() {
        Filter legacy = filterService.newTaskFilter("Мерзімі өткен / Просрочено — Барлық топтар / Все группы");
        legacy.setQuery(taskService.createTaskQuery());
        filterService.saveFilter(legacy);
        Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Roles.SANEPID_SPECIALISTS);
        all.setResource(Resources.FILTER);
        all.setResourceId("*");
        all.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(all);
        Authorization shared = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        shared.setGroupId(Roles.MANAGERS);
        shared.setResource(Resources.FILTER);
        shared.setResourceId(filterOf(Roles.PROVIDER_OFFICERS, RoleFilters.OVERDUE).getId());
        shared.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(shared);
        assertThat(visibleTo(Roles.SANEPID_SPECIALISTS)).hasSizeGreaterThan(2);

        taskFilters.ensureAll();

        assertThat(filterService.createTaskFilterQuery().filterId(legacy.getId()).count()).isZero();
        assertThat(visibleTo(Roles.SANEPID_SPECIALISTS)).containsExactly(RoleFilters.MY_TASKS, RoleFilters.MY_GROUP);
        assertThat(visibleTo(Roles.MANAGERS)).isEmpty();
    }

    @Test
    void dueTodayAndOverdueFollowTheWorkingDayDeadline() {
        String heads = ProviderOfficers.headGroup(PROVIDER_BIN); // the provider's head group: filters of its own
        if (identityService.createGroupQuery().groupId(heads).count() == 0) {
            identityService.saveGroup(identityService.newGroup(heads));
        }
        taskFilters.ensureAll();
        ClockUtil.setCurrentTime(REGISTERED);
        String pi = registration.register(complaint("HEAD_OF_PROVIDER", PROVIDER_BIN, PHONE, null)).processInstanceId();

        ClockUtil.setCurrentTime(at("2026-03-31T12:00:00+05:00"));
        assertThat(tasksOf(RoleFilters.DUE_TODAY, pi)).isEmpty();
        assertThat(tasksOf(RoleFilters.OVERDUE, pi)).isEmpty();
        assertThat(tasksOf(RoleFilters.MY_GROUP, pi)).hasSize(1);

        ClockUtil.setCurrentTime(at("2026-03-31T23:59:59+05:00"));
        assertThat(tasksOf(RoleFilters.DUE_TODAY, pi)).isEmpty();

        ClockUtil.setCurrentTime(at("2026-04-01T00:00:01+05:00"));
        assertThat(tasksOf(RoleFilters.DUE_TODAY, pi)).hasSize(1);
        ClockUtil.setCurrentTime(at("2026-04-01T23:30:00+05:00"));
        assertThat(tasksOf(RoleFilters.DUE_TODAY, pi)).hasSize(1);
        assertThat(tasksOf(RoleFilters.OVERDUE, pi)).isEmpty();

        ClockUtil.setCurrentTime(at("2026-04-02T10:00:00+05:00"));
        assertThat(tasksOf(RoleFilters.OVERDUE, pi)).hasSize(1);
    }

    @Test
    void theGroupFilterListsTheNearestDeadlineFirstAndShowsTheComplaintsVariables() {
        // the first review belongs to the provider's own group provider-<BIN> (docs/ACCESS.md "Providers")
        String providerGroup = ProviderOfficers.group(PROVIDER_BIN);
        if (identityService.createGroupQuery().groupId(providerGroup).count() == 0) {
            Group group = identityService.newGroup(providerGroup);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        taskFilters.ensureAll();
        // two forwardings (3 working days each): the later-created one is due later
        ClockUtil.setCurrentTime(REGISTERED);
        Task earlier = task(registration.register(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null)));
        ClockUtil.setCurrentTime(at("2026-03-26T11:00:00+05:00"));
        Task later = task(registration.register(complaint("REVIEWING_BODY", PROVIDER_BIN, PHONE, null)));
        assertThat(earlier.getDueDate()).isBefore(later.getDueDate());
        assertThat(earlier.getCreateTime()).isBefore(later.getCreateTime());

        Filter group = filterOf(providerGroup, RoleFilters.MY_GROUP);
        // Tasklist sends its own sort (created, newest first) with every list; the filter's due-date order leads
        List<String> listed = filterService.list(group.getId(), taskService.createTaskQuery().orderByTaskCreateTime()
                .desc()).stream().map(Task::getId).filter(id -> id.equals(earlier.getId()) || id.equals(later.getId()))
                .toList();
        assertThat(listed).containsExactly(earlier.getId(), later.getId());

        assertThat(group.getProperties().get("variables")).isEqualTo(RoleFilters.COMPLAINT_VARIABLES);
        Map<String, Object> shown = taskService.getVariables(later.getId(), RoleFilters.COMPLAINT_VARIABLES
                .stream().map(v -> v.get("name")).toList());
        assertThat(shown).containsKeys(ComplaintProcess.COMPLAINT_ID, ComplaintProcess.ADDRESSEE,
                ComplaintProcess.DECISION_DEADLINE, ComplaintProcess.PROVIDER_DEADLINE, "providerBin");
        assertThat(shown.get(ComplaintProcess.ADDRESSEE)).isEqualTo("REVIEWING_BODY");
    }

    private Task task(ComplaintRegistration.Registered registered) {
        return taskService.createTaskQuery().processInstanceId(registered.processInstanceId()).singleResult();
    }

    private List<String> visibleTo(String groupId) {
        identityService.setAuthentication("filters-test-user", List.of(groupId));
        try {
            return filterService.createTaskFilterQuery().list().stream()
                    .sorted(java.util.Comparator.comparingInt(TaskFiltersTest::priority))
                    .map(Filter::getName).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static int priority(Filter filter) {
        Object priority = filter.getProperties() == null ? null : filter.getProperties().get("priority");
        return priority instanceof Number n ? n.intValue() : 0;
    }

    private Filter filterOf(String groupId, String name) {
        return filterService.createTaskFilterQuery().list().stream()
                .filter(f -> f.getName().equals(name) || f.getName().startsWith(name + " — "))
                .filter(f -> String.valueOf(f.getProperties().get(TaskFilters.KEY)).startsWith(groupId + ":"))
                .findFirst().orElseThrow();
    }

    private List<Task> tasksOf(String filterName, String processInstanceId) {
        // a complaint addressed to the head is decided by the head of its provider (004 App.2 item 19): that head
        // group's filters show it
        List<Task> tasks = filterService.list(filterOf(ProviderOfficers.headGroup(PROVIDER_BIN), filterName).getId());
        return tasks.stream().filter(t -> processInstanceId.equals(t.getProcessInstanceId())).toList();
    }
}
