package kz.health.sanepid.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} ({@code camunda.bpm.history-level} in application.yaml): everything of level
 * {@code full} (instances, activities, tasks, variables' values, incidents, DMN decisions, identity links, the user
 * operation log, and the job log of every job's failures and success, with the node that ran it) except two routine
 * logs nobody reads here: the job log's rows for every job created and deleted, and a copy of every intermediate
 * value of every variable (historic details). Together they were a quarter of the history rows written per SDU
 * recipient (docs/PERFORMANCE.md); the registry answers of items 8 and 17 are kept in the ledger, not in variable
 * details.
 * <p>
 * A database created by an earlier version at level {@code full} is moved to this level when the engine starts (the
 * engine refuses to start on a mismatch): this level writes a subset of what {@code full} wrote, and everything
 * written before stays. Any other stored level is left alone, so the engine's mismatch check still stops a wrong
 * configuration.
 */
@Component
public class LeanFullHistory extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "full-without-routine-logs";
    private static final Logger LOG = LoggerFactory.getLogger(LeanFullHistory.class);
    static final int ID = 47;
    static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

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
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!NAME.equals(configuration.getHistory())) {
            return;
        }
        try {
            int moved = EngineTables.execute(configuration, "UPDATE ACT_GE_PROPERTY SET VALUE_ = '" + ID + "' WHERE"
                    + " NAME_ = 'historyLevel' AND VALUE_ = '" + HistoryLevel.HISTORY_LEVEL_FULL.getId() + "'");
            if (moved > 0) {
                LOG.info("history level of the existing database moved from full to {}", NAME);
            }
        } catch (SQLException noSchemaYet) {
            // a new database: the engine creates its tables and stores this level itself
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(this);
        configuration.setCustomHistoryLevels(custom);
    }
}
