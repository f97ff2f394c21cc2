package kz.health.sanepid.engine;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index on the jobs' due date, which Camunda's schema does not have. The job executor acquires by due date
 * ({@code job-executor-acquire-by-due-date} and {@code ensure-job-due-date-not-null} in application.yaml): without
 * the index its acquisition query scans the whole job table, and every recipient waiting for its reply keeps a P3D
 * timer there (70,000 rows at 100,000 recipients; docs/PERFORMANCE.md). Created after the engine has created or
 * updated its schema; the statement is the same on H2 and PostgreSQL and does nothing when the index exists.
 */
@Component
public class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String CREATE = "CREATE INDEX IF NOT EXISTS SANEPID_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            EngineTables.execute((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), CREATE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the index on ACT_RU_JOB.DUEDATE_", e);
        }
    }
}
