package kz.health.sanepid.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Replies first: while SMS replies come in, this node's job executor does not acquire jobs, so the replies (a person
 * and the SMS gateway waiting for the answer) have the cores, and the work they start (the consent call, the re-issue,
 * the next-step SMS: asynchronous jobs, days of legal time) runs once the burst is over. The SMS door
 * ({@code POST /api/sms/inbound}) calls {@link #smsArrived()}; a command interceptor in front of the engine's
 * transaction holds {@link AcquireJobsCmd} until no SMS came in for {@code sanepid.engine.replies-first.quiet}, or for at
 * most {@code max-pause}, after which one acquisition goes ahead (timers and other processes' jobs are late by at most
 * that, however long the burst). Jobs already acquired run on; nothing is held inside a transaction, and the hold ends
 * within 50 ms when the job executor stops. Each hold counts in the timer {@code sanepid.engine.acquisition.held}.
 * <p>
 * The figures it gave are in docs/PERFORMANCE.md: on the 2-core benchmark machine the consent and re-issue jobs had
 * taken most of the cores from the replies (replies at 0.21-0.45 of the bare correlation); without them during the
 * replies, 0.6. A node without a job executor (intake nodes, docs/PRODUCTION.md) is unaffected.
 */
@Component
public class RepliesFirst extends AbstractProcessEnginePlugin {

    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long quietNanos;
    private final long maxPauseNanos;
    private final ObjectProvider<MeterRegistry> meters;
    private final AtomicLong lastSms;
    private volatile BooleanSupplier jobExecutorActive = () -> true;

    public RepliesFirst(EngineProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.quietNanos = properties.repliesFirst().quiet().toNanos();
        this.maxPauseNanos = properties.repliesFirst().maxPause().toNanos();
        this.meters = meters;
        this.lastSms = new AtomicLong(System.nanoTime() - quietNanos - 1);
    }

    /** An SMS came in at the gateway's door. */
    public void smsArrived() {
        lastSms.set(System.nanoTime());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (maxPauseNanos <= 0) {
            return;
        }
        List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        pre.add(new HoldAcquisition());
        configuration.setCustomPreCommandInterceptorsTxRequired(pre);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        jobExecutorActive = () -> configuration.getJobExecutor() == null || configuration.getJobExecutor().isActive();
    }

    /**
     * Waits while SMS keep coming (the last less than {@code quiet} ago), at most {@code max-pause} and only while
     * {@code running}; a wait is recorded in the timer.
     */
    void holdWhileSmsArrive(BooleanSupplier running) {
        long start = System.nanoTime();
        long now = start;
        boolean held = false;
        while (running.getAsBoolean() && now - lastSms.get() < quietNanos && now - start < maxPauseNanos) {
            held = true;
            long left = Math.min(quietNanos - (now - lastSms.get()), maxPauseNanos - (now - start));
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(left, SLICE_NANOS)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = System.nanoTime();
        }
        MeterRegistry registry = meters.getIfAvailable();
        if (held && registry != null) {
            Timer.builder("sanepid.engine.acquisition.held")
                    .description("job acquisitions held back while SMS replies came in").register(registry)
                    .record(now - start, TimeUnit.NANOSECONDS);
        }
    }

    final class HoldAcquisition extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AcquireJobsCmd) {
                holdWhileSmsArrive(jobExecutorActive);
            }
            return next.execute(command);
        }
    }
}
