package kz.health.sanepid.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A stop lets the jobs this node is running finish. The Camunda starter's {@code camundaTaskExecutor} is a Spring
 * {@link ThreadPoolTaskExecutor} at its defaults: when the context closes, Spring pauses it and waits for the running
 * tasks at most {@code spring.lifecycle.timeout-per-shutdown-phase}, but the pool's destruction then calls
 * {@code shutdownNow}, which interrupts every thread still at work, also the ones waiting for a database connection
 * (the 10,000 benchmark's stop of 2026-12-02 20:21: "Interrupted during connection acquisition"). A job interrupted
 * inside the embedded H2 file's write closes the file's channel for every connection (H2's "IO Exception" 90028): its
 * transaction and the other jobs' roll back, and the stop's compaction ({@link
 * kz.health.sanepid.jdbc.EmbeddedDatabaseCompaction}) finds the store closed (that stop left a file of 1,746.5 MB
 * instead of about 170). Nothing was lost, the jobs run again after the start, but a stop should not break what it
 * can let finish. Here the pool shuts down without interrupting and waits for its threads, at most
 * {@code sanepid.engine.jobs-at-stop} (30 s); by then the engine has stopped acquiring, and the jobs still queued are
 * only unlocked. A thread still at work after the wait is left to the JVM's exit. The pool is found through the job
 * executor, not by its bean name (the Operaton build names it differently).
 */
@Component
public class JobsFinishAtStop extends AbstractProcessEnginePlugin {

    private final long waitMillis;

    public JobsFinishAtStop(EngineProperties properties) {
        this.waitMillis = properties.jobsAtStop().toMillis();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() instanceof SpringJobExecutor jobs
                && jobs.getTaskExecutor() instanceof ThreadPoolTaskExecutor executor) {
            executor.setWaitForTasksToCompleteOnShutdown(true);
            executor.setAwaitTerminationMillis(waitMillis);
        }
    }
}
