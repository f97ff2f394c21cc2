package kz.health.sanepid.tasklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates at start, for every role group and every workflow group the identity service knows, the filters of
 * {@link RoleFilters}, each shared with its group alone (a READ grant on the filter's id, no grant on all filters),
 * kept up to date by key (never duplicated). Filters of groups that are gone, the filters of earlier versions and
 * the old grant of every filter to every role are removed, so nobody keeps a filter of another role.
 */
@Component
@Order(10)
public class TaskFilters implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFilters.class);

    /** The property that marks a filter as ours and names it across restarts. */
    public static final String KEY = "sanepidFilter";

    /** The role groups that get filters even before a member exists (their names are known). */
    private static final List<String> ROLE_GROUPS = List.of(Roles.PROVIDER_OFFICERS, Roles.PROVIDER_HEADS,
            Roles.REVIEWING_BODY_OFFICERS, Roles.SANEPID_SPECIALISTS, Roles.DATA_PROTECTION_OFFICERS);

    /** Names of the filters of earlier versions (one set shared with every role); removed at start. */
    private static final Set<String> LEGACY_PREFIXES = Set.of("Бүгін мерзімі / Срок сегодня — ",
            "Мерзімі өткен / Просрочено — ", "Топтың шағымдары / Жалобы моей группы — ");
    private static final Set<String> LEGACY_NAMES = Set.of("Менің тапсырмаларым / Мои задачи",
            "Менің тобым / Моя группа", "Барлық шағымдар / Все жалобы");

    private final FilterService filterService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RoleFilters roleFilters;

    public TaskFilters(FilterService filterService, IdentityService identityService,
            AuthorizationService authorizationService, TaskService taskService) {
        this.filterService = filterService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.roleFilters = new RoleFilters(taskService);
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAll();
    }

    /** Creates the missing filters, refreshes the existing ones, removes stale ones; answers the keys held. */
    public List<String> ensureAll() {
        Map<String, String> groups = new LinkedHashMap<>();
        ROLE_GROUPS.forEach(id -> groups.put(id, null));
        for (Group group : identityService.createGroupQuery().list()) {
            if (!"SYSTEM".equals(group.getType())) {
                groups.put(group.getId(), group.getName());
            }
        }
        Map<String, Filter> ours = new HashMap<>();
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY);
            if (key != null) {
                ours.put(key.toString(), filter);
            } else if (legacy(filter.getName())) {
                filterService.deleteFilter(filter.getId());
            }
        }
        revokeGrantOfAllFilters();
        Set<String> held = new LinkedHashSet<>();
        groups.forEach((groupId, groupName) -> {
            for (RoleFilters.Spec spec : roleFilters.forGroup(groupId)) {
                String name = ROLE_GROUPS.contains(groupId) || groupName == null ? spec.name()
                        : spec.name() + " — " + groupName;
                Filter filter = ours.containsKey(spec.key()) ? ours.get(spec.key()) : filterService.newTaskFilter(name);
                filter.setName(name);
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(KEY, spec.key());
                properties.put("description", spec.description());
                properties.put("priority", spec.priority());
                properties.put("refresh", true);
                properties.put("variables", spec.variables());
                filter.setProperties(properties);
                filter.setQuery(spec.query());
                filterService.saveFilter(filter);
                shareWithGroupOnly(filter.getId(), groupId);
                held.add(spec.key());
            }
        });
        ours.forEach((key, filter) -> {
            if (!held.contains(key)) {
                filterService.deleteFilter(filter.getId());
            }
        });
        LOG.info("tasklist filters ready: {} for {} groups", held.size(), groups.size());
        return new ArrayList<>(held);
    }

    private static boolean legacy(String name) {
        return name != null && (LEGACY_NAMES.contains(name) || LEGACY_PREFIXES.stream().anyMatch(name::startsWith));
    }

    /** Earlier versions granted every role READ on all filters; with it a role would see every role's filters. */
    private void revokeGrantOfAllFilters() {
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId("*").list()) {
            if (grant.getGroupId() != null && !Roles.ADMINISTRATORS.equals(grant.getGroupId())) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
    }

    private void shareWithGroupOnly(String filterId, String groupId) {
        boolean granted = false;
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).list()) {
            if (groupId.equals(grant.getGroupId()) && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
                granted = true;
            } else {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
        if (!granted) {
            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
            grant.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(grant);
        }
    }
}
