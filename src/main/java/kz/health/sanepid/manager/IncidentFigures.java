package kz.health.sanepid.manager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * Open incidents per process and activity (issue 17) with the outside system the failing activity calls (through
 * its port; {@link #OUTSIDE_SYSTEMS}) and the link to Cockpit's incidents of that process definition. No incident
 * message is shown: a message of an unexpected exception could carry a person's data; the system is named from the
 * activity. Read through the engine's API as the caller, so its authorizations apply.
 */
@Service
public class IncidentFigures {

    /** Which outside system each asynchronous activity calls, by the port its delegate uses. */
    static final Map<String, String> OUTSIDE_SYSTEMS = Map.ofEntries(
            Map.entry("Task_CollectCandidates", "legal-entity registry, civil registry, e-license"),
            Map.entry("Task_CheckMissingOrDead", "person registry, civil registry"),
            Map.entry("Task_CheckAbroad", "person registry"),
            Map.entry("Task_CheckIncapable", "person registry"),
            Map.entry("Task_CheckImprisoned", "person registry"),
            Map.entry("Task_HandToPortal", "eGov portal"),
            Map.entry("Task_CheckMobileBase", "mobile citizens base (МАБ)"),
            Map.entry("Task_SendSms", "SMS gateway"),
            Map.entry("Task_ResendSms", "SMS gateway"),
            Map.entry("Task_NotifyRefusal", "SMS gateway"),
            Map.entry("Task_NotifyConsentFollows", "SMS gateway"),
            Map.entry("Task_NotifyReissued", "SMS gateway"),
            Map.entry("CallActivity_ConfirmConsent", "consent service (ДҚБ)"),
            Map.entry("Task_RequestConsent", "consent service (ДҚБ)"),
            Map.entry("Task_ReissuePermit", "e-license"),
            Map.entry("Task_DeliverToCabinet", "e-license"),
            Map.entry("Task_WriteToSdu", "SDU store"),
            Map.entry("Task_NotifyRegistration", "notification gateway"),
            Map.entry("Task_NotifyApplicant", "notification gateway"));

    public static final String COCKPIT = "/camunda/app/cockpit/default/#/process-definition/";

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    public IncidentFigures(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    private record Key(String definitionId, String activityId, String type) {
    }

    public Table incidents() {
        Map<Key, List<Incident>> groups = new LinkedHashMap<>();
        for (Incident i : runtimeService.createIncidentQuery().orderByIncidentTimestamp().asc().list()) {
            groups.computeIfAbsent(new Key(i.getProcessDefinitionId(), i.getActivityId(), i.getIncidentType()),
                    k -> new ArrayList<>()).add(i);
        }
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<Key, List<Incident>> e : groups.entrySet()) {
            Key k = e.getKey();
            ProcessDefinition d = definitions.computeIfAbsent(k.definitionId(),
                    id -> repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
            Date oldest = e.getValue().stream().map(Incident::getIncidentTimestamp).min(Comparator.naturalOrder())
                    .orElse(null);
            List<Object> row = new ArrayList<>();
            row.add(d == null ? null : d.getKey());
            row.add(d == null ? null : d.getVersion());
            row.add(k.activityId());
            row.add(activityName(k.definitionId(), k.activityId()));
            row.add(OUTSIDE_SYSTEMS.getOrDefault(k.activityId(), "none (the application)"));
            row.add(k.type());
            row.add((long) e.getValue().size());
            row.add(oldest == null ? null : oldest.toInstant().toString());
            row.add(COCKPIT + k.definitionId() + "/runtime?tab=incidents-tab");
            rows.add(row);
        }
        return new Table("incidents", List.of("process", "version", "activityId", "activity", "outsideSystem",
                "incidentType", "incidents", "oldestAt", "cockpitLink"), rows);
    }

    private String activityName(String definitionId, String activityId) {
        if (activityId == null) {
            return null;
        }
        try {
            FlowElement element = repositoryService.getBpmnModelInstance(definitionId).getModelElementById(activityId);
            return element == null ? null : element.getName();
        } catch (RuntimeException notReadable) {
            return null;
        }
    }
}
