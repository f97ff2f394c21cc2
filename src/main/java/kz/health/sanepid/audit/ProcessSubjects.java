package kz.health.sanepid.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Whose data a process instance holds: the IINs of its subject variables (a patient, an applicant, a consent
 * subject, an SDU recipient: names ending in {@code Iin}, and a complaint's {@code applicantId}) and of its business
 * key (an SDU recipient's {@code runId:IIN:permitId}). The subjects of an engine read, for the read audit.
 */
@Component
public class ProcessSubjects {

    /** Instances looked at per read; a larger answer is audited for its first ones (and says so in the purpose). */
    public static final int MAX_INSTANCES = 500;

    private final HistoryService historyService;

    public ProcessSubjects(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** Call without an authenticated user on the thread: the audit sees every instance the answer named. */
    public Set<String> of(Collection<String> processInstanceIds) {
        Set<String> iins = new LinkedHashSet<>();
        if (processInstanceIds.isEmpty()) {
            return iins;
        }
        String[] ids = processInstanceIds.stream().distinct().limit(MAX_INSTANCES).toArray(String[]::new);
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(ids)).list()) {
            if (instance.getBusinessKey() != null) {
                for (String part : instance.getBusinessKey().split("[:#]")) {
                    addIfIin(iins, part);
                }
            }
        }
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).disableBinaryFetching().disableCustomObjectDeserialization().list();
        for (HistoricVariableInstance variable : variables) {
            if (isSubjectVariable(variable.getName()) && variable.getValue() instanceof String value) {
                addIfIin(iins, value);
            }
        }
        return iins;
    }

    static boolean isSubjectVariable(String name) {
        return name != null && (name.endsWith("Iin") || name.equals("iin") || name.equals("applicantId"));
    }

    private static void addIfIin(Set<String> iins, String value) {
        if (IdentificationNumbers.isValidIin(value)) {
            iins.add(value);
        }
    }
}
