package kz.health.sanepid.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may do what in the engine, per role group: least privilege (001 "mismatched access rights"). The single
 * source of the grants that {@link AuthorizationSetup} writes and of the table in docs/ACCESS.md. Tasks are
 * reached through candidate groups: the engine grants a task's candidate group READ and TASK_WORK on that task
 * ({@code default-user-permission-name-for-task}), never UPDATE. Task
 * filters are shared each with its own group by {@code tasklist.TaskFilters} (READ on the filter's id).
 */
public final class AccessMatrix {

    public static final String COMPLAINT = "public-service-complaint";
    public static final String SDU_RUN = "sdu-reissuance-run";
    public static final String SDU_RECIPIENT = "sdu-reissuance-recipient";
    public static final String CONSENT = "personal-data-consent";
    public static final String CONSENT_REVOCATION = "personal-data-consent-revocation";
    public static final String DISCLOSURE = "medical-secrecy-disclosure";
    public static final String CONSENT_DECISION = "consent-legal-basis";
    public static final String DISCLOSURE_DECISION = "medical-secrecy-ground";
    public static final String PROFESSIONAL_REGISTER = "professional-register-update";

    public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private AccessMatrix() {
    }

    public static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String group : List.of(Roles.PROVIDER_OFFICERS, Roles.PROVIDER_HEADS, Roles.REVIEWING_BODY_OFFICERS,
                Roles.SANEPID_SPECIALISTS, Roles.DATA_PROTECTION_OFFICERS, Roles.HR_SPECIALISTS)) {
            grants.add(grant(group, Resources.APPLICATION, "tasklist", ACCESS));
        }
        // provider officers register complaints and work the provider's tasks
        grants.add(grant(Roles.PROVIDER_OFFICERS, Resources.PROCESS_DEFINITION, COMPLAINT, READ, CREATE_INSTANCE));
        grants.add(grant(Roles.PROVIDER_OFFICERS, Resources.PROCESS_INSTANCE, "*", CREATE));
        // heads of providers decide the complaints addressed to them (tasks of their candidate group only); they
        // register nothing (004 App.2 item 19: addressed to the head, registered and prepared by the officers)
        grants.add(grant(Roles.PROVIDER_HEADS, Resources.PROCESS_DEFINITION, COMPLAINT, READ));
        // reviewing-body officers register the complaints their body received directly and decide those and the
        // ones forwarded to them (tasks of their candidate group only)
        grants.add(grant(Roles.REVIEWING_BODY_OFFICERS, Resources.PROCESS_DEFINITION, COMPLAINT, READ,
                CREATE_INSTANCE));
        grants.add(grant(Roles.REVIEWING_BODY_OFFICERS, Resources.PROCESS_INSTANCE, "*", CREATE));
        // HR specialists of an employer enter re-issued certificates into the professional register (order No. 66
        // item 9): Tasklist only, the tasks of their employer's group hr-<BIN> (candidate grants); they start
        // nothing (the application does), read no instance, no Cockpit
        grants.add(grant(Roles.HR_SPECIALISTS, Resources.PROCESS_DEFINITION, PROFESSIONAL_REGISTER, READ));
        // specialists start SDU runs and follow their recipients and exceptions (incidents) in Cockpit
        grants.add(grant(Roles.SANEPID_SPECIALISTS, Resources.APPLICATION, "cockpit", ACCESS));
        grants.add(grant(Roles.SANEPID_SPECIALISTS, Resources.PROCESS_DEFINITION, SDU_RUN, READ, CREATE_INSTANCE,
                READ_INSTANCE, READ_HISTORY));
        // engine write doors: retrying a failed job is the administrator's (EngineWriteDoors), so no RETRY_JOB
        grants.add(grant(Roles.SANEPID_SPECIALISTS, Resources.PROCESS_DEFINITION, SDU_RECIPIENT, READ, READ_INSTANCE,
                READ_HISTORY));
        grants.add(grant(Roles.SANEPID_SPECIALISTS, Resources.PROCESS_INSTANCE, "*", CREATE));
        // the data-protection officer: consent exceptions, revocations, disclosures and their decision
        for (String key : List.of(CONSENT, CONSENT_REVOCATION, DISCLOSURE)) {
            grants.add(grant(Roles.DATA_PROTECTION_OFFICERS, Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE,
                    READ_INSTANCE, READ_HISTORY));
        }
        grants.add(grant(Roles.DATA_PROTECTION_OFFICERS, Resources.DECISION_DEFINITION, CONSENT_DECISION, READ));
        grants.add(grant(Roles.DATA_PROTECTION_OFFICERS, Resources.DECISION_DEFINITION, DISCLOSURE_DECISION, READ));
        grants.add(grant(Roles.DATA_PROTECTION_OFFICERS, Resources.PROCESS_INSTANCE, "*", CREATE));
        // managers read everything in Cockpit and work no task
        grants.add(grant(Roles.MANAGERS, Resources.APPLICATION, "cockpit", ACCESS));
        grants.add(grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY,
                READ_TASK));
        grants.add(grant(Roles.MANAGERS, Resources.DECISION_DEFINITION, "*", READ));
        grants.add(grant(Roles.MANAGERS, Resources.DEPLOYMENT, "*", READ));
        // administrators administer
        for (Resources resource : Resources.values()) {
            grants.add(grant(Roles.ADMINISTRATORS, resource, "*", ALL));
        }
        return grants;
    }

    private static Grant grant(String group, Resource resource, String id, Permission... permissions) {
        return new Grant(group, resource, id, List.of(permissions));
    }
}
