package kz.health.sanepid.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.health.sanepid.SanepidApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A stop lets a running job finish ({@link JobsFinishAtStop}): the context closes while a job is inside its delegate
 * (3 s of work), and Spring's lifecycle stop gives up on it after 1 s (as it does after 30 s by default), so the job is
 * still running when its thread pool is destroyed. The job is not interrupted, its transaction commits, and the stop
 * ends soon after (not after the whole wait). Fails on the starter's defaults: the pool's destruction interrupts the
 * job's thread ({@code shutdownNow}).
 */
class JobsFinishAtStopTest {

    static final long WORK_MILLIS = 3000;

    @Test
    void theStopWaitsForTheRunningJobAndDoesNotInterruptIt() throws Exception {
        SlowJob job = new SlowJob();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SanepidApplication.class).profiles("test")
                .initializers(c -> c.getBeanFactory().registerSingleton("slowJob", job))
                .run("--server.port=0", "--camunda.bpm.process-engine-name=jobsAtStop",
                        "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=true",
                        "--spring.lifecycle.timeout-per-shutdown-phase=1s");
        context.getBean(RepositoryService.class).createDeployment().name("jobs-at-stop-probe")
                .addModelInstance("jobs-at-stop-probe.bpmn", Bpmn.createExecutableProcess("jobsAtStopProbe")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Slow").camundaAsyncBefore()
                        .camundaDelegateExpression("${slowJob}").endEvent().done())
                .deploy();
        context.getBean(RuntimeService.class).startProcessInstanceByKey("jobsAtStopProbe");
        assertThat(job.entered.await(30, TimeUnit.SECONDS)).as("the job started").isTrue();

        long stopStarted = System.nanoTime();
        CompletableFuture.runAsync(context::close).get(60, TimeUnit.SECONDS);
        Duration stop = Duration.ofNanos(System.nanoTime() - stopStarted);

        assertThat(job.interrupted).as("the running job is not interrupted by the stop").isFalse();
        assertThat(job.committed.getCount()).as("its transaction committed").isZero();
        assertThat(stop).as("the stop waited for the job, not for the whole wait of 30 s")
                .isLessThan(Duration.ofSeconds(20));
    }

    static class SlowJob implements JavaDelegate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch committed = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();

        @Override
        public void execute(DelegateExecution execution) {
            entered.countDown();
            try {
                Thread.sleep(WORK_MILLIS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted by the stop", e);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.countDown();
                }
            });
        }
    }
}
