package kz.health.sanepid.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} ({@code camunda.bpm.history-level} in application.yaml): everything of level
 * {@code full} (instances, activities, tasks, variables' values, incidents, DMN decisions, identity links, the user
 * operation log, job FAILURES) except two routine logs nobody reads here: the log of every job created, executed and
 * deleted (two to three rows per asynchronous step), and a copy of every intermediate value of every variable
 * (historic details). Together they were 30 % of the history rows written per SDU recipient (docs/PERFORMANCE.md);
 * the registry answers of items 8 and 17 are kept in the ledger, not in variable details.
 * <p>
 * An existing database created with another level must be told once (the engine refuses to start otherwise):
 * {@code UPDATE ACT_GE_PROPERTY SET VALUE_ = '47' WHERE NAME_ = 'historyLevel'}.
 */
@Component
public class LeanFullHistory extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "full-without-routine-logs";
    static final int ID = 47;
    static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !LEFT_OUT.contains(eventType) && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(this);
        configuration.setCustomHistoryLevels(custom);
    }
}
