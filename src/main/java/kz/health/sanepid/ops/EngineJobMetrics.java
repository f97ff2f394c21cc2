package kz.health.sanepid.ops;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;

/**
 * The job executor's own counts as Micrometer counters {@code sanepid.engine.jobs{event=...}}: the engine's meters
 * for jobs acquired, executed (successful), failed, acquisitions lost to another node and jobs rejected by a full
 * queue are replaced by meters that also count in Micrometer. The engine keeps flushing its meters to ACT_RU_METER_LOG
 * as before (Cockpit's figures); these counters are this node's since its start.
 */
public class EngineJobMetrics extends AbstractProcessEnginePlugin {

    static final Map<String, String> EVENTS = Map.of(
            Metrics.JOB_ACQUIRED_SUCCESS, "acquired",
            Metrics.JOB_SUCCESSFUL, "executed",
            Metrics.JOB_FAILED, "failed",
            Metrics.JOB_ACQUIRED_FAILURE, "acquisition-lost",
            Metrics.JOB_EXECUTION_REJECTED, "rejected");

    private final MeterRegistry registry;

    public EngineJobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, Meter> meters = configuration.getMetricsRegistry().getDbMeters();
        EVENTS.forEach((engineName, event) -> {
            if (meters.containsKey(engineName)) {
                Counter counter = Counter.builder("sanepid.engine.jobs").description("jobs of this node's job executor")
                        .tag("event", event).register(registry);
                meters.put(engineName, new CountingMeter(engineName, counter));
            }
        });
    }

    static final class CountingMeter extends Meter {
        private final Counter counter;

        CountingMeter(String name, Counter counter) {
            super(name);
            this.counter = counter;
        }

        @Override
        public void mark() {
            markTimes(1);
        }

        @Override
        public void markTimes(long times) {
            super.markTimes(times);
            counter.increment(times);
        }
    }
}
