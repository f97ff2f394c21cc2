package kz.health.sanepid.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import kz.health.sanepid.SanepidApplication;
import kz.health.sanepid.security.SignedGatewayRequest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 19, replies first ({@link RepliesFirst}): with the job executor running, a job waits while SMS come in through
 * {@code POST /api/sms/inbound} (one every 100 ms, closer than the quiet time of 2 s), runs about the quiet time
 * after the last one, and a burst longer than the maximum pause (6 s) still lets it through. Fails without the hold:
 * the job runs within a second of its creation.
 */
class RepliesFirstTest {

    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration MAX_PAUSE = Duration.ofSeconds(6);
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(SanepidApplication.class).profiles("test").run("--server.port=0",
                "--camunda.bpm.process-engine-name=repliesFirst", "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                "--sanepid.engine.replies-first.quiet=" + QUIET, "--sanepid.engine.replies-first.max-pause=" + MAX_PAUSE);
        context.getBean(RepositoryService.class).createDeployment().name("replies-first-probe")
                .addModelInstance("replies-first-probe.bpmn", Bpmn.createExecutableProcess("repliesFirstProbe")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Work").camundaAsyncBefore()
                        .camundaExpression("${true}").endEvent().done())
                .deploy();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aJobWaitsWhileSmsComeInAndRunsOnceTheyStop() throws Exception {
        String instance;
        long stopped;
        try (Burst burst = new Burst()) {
            Thread.sleep(300);
            instance = startProbe();
            Thread.sleep(3000);
            assertThat(jobs(instance)).as("the job waits while SMS come in").isEqualTo(1);
            assertThat(burst.stop()).as("SMS sent").isGreaterThan(20);
            stopped = System.nanoTime();
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> ended(instance));
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("it ran about the quiet time after the last SMS")
                .isGreaterThan(QUIET.minusMillis(1000));
        assertThat(context.getBean(MeterRegistry.class).find("sanepid.engine.acquisition.held").timer())
                .as("the holds counted").isNotNull().satisfies(t -> assertThat(t.count()).isPositive());
    }

    @Test
    void aBurstLongerThanTheMaximumPauseStillLetsTheJobThrough() throws Exception {
        try (Burst burst = new Burst()) {
            Thread.sleep(300);
            long created = System.nanoTime();
            String instance = startProbe();
            await().atMost(MAX_PAUSE.multipliedBy(2)).pollInterval(Duration.ofMillis(100)).until(() -> ended(instance));
            assertThat(burst.sending()).as("SMS still coming in when the job ran").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - created)).as("held about the maximum pause")
                    .isGreaterThan(MAX_PAUSE.minusMillis(1500));
        }
    }

    static String startProbe() {
        return context.getBean(RuntimeService.class).startProcessInstanceByKey("repliesFirstProbe").getId();
    }

    static long jobs(String instance) {
        return context.getBean(ManagementService.class).createJobQuery().processInstanceId(instance).count();
    }

    static boolean ended(String instance) {
        return context.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(instance)
                .finished().count() == 1;
    }

    /**
     * SMS from a number no offer went to (answered 404 NOT_EXPECTED), every 100 ms on a thread of its own until
     * stopped or closed.
     */
    static final class Burst implements AutoCloseable {
        private final AtomicBoolean on = new AtomicBoolean(true);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<Integer> sent = thread.submit(this::send);

        boolean sending() {
            return on.get() && !sent.isDone();
        }

        int stop() throws Exception {
            on.set(false);
            return sent.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            try {
                stop();
            } finally {
                thread.shutdownNow();
            }
        }

        private int send() throws Exception {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String secret = context.getEnvironment().getProperty("sanepid.gateways.sms-secret");
            HttpClient client = HttpClient.newHttpClient();
            int count = 0;
            while (on.get()) {
                String body = "{\"from\":\"+77010000001\",\"text\":\"1\",\"receivedAt\":\"" + Instant.now() + "\"}";
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/sms/inbound")).header("Content-Type", "application/json");
                SignedGatewayRequest.headers(secret, body).forEach(request::header);
                HttpResponse<String> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
                count++;
                Thread.sleep(100);
            }
            return count;
        }
    }
}
