package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import kz.health.sanepid.SanepidApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Liveness and readiness of a running node on PostgreSQL (a server of this test's own, {@link PrivatePostgres}),
 * with the job executor on: both UP; PostgreSQL stopped under the node: readiness DOWN (503, the database named) while
 * liveness stays UP (a restart would not help); PostgreSQL started again: readiness UP without a restart of the node.
 * Runs under -Psystem.
 */
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
class HealthProbesTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            postgres.createDatabase("sanepid_health");
            try (ConfigurableApplicationContext node = new SpringApplicationBuilder(SanepidApplication.class)
                    .profiles("test", "postgres")
                    // arguments: they win over the profiles' files
                    .run("--server.port=0", "--management.server.port=0",
                            "--spring.datasource.url=" + postgres.url("sanepid_health"),
                            "--spring.datasource.username=" + PrivatePostgres.USER, "--spring.datasource.password=unused",
                            "--spring.datasource.hikari.connection-timeout=2000",
                            "--camunda.bpm.job-execution.enabled=true",
                            "--management.endpoint.health.group.liveness.include=livenessState,processEngine,jobExecutor",
                            "--management.endpoint.health.group.readiness.include=readinessState,db,processEngine,"
                                    + "jobExecutor")) {
                int port = Integer.parseInt(node.getEnvironment().getProperty("local.management.port"));
                assertThat(probe(port, "readiness")).isEqualTo(200);
                assertThat(probe(port, "liveness")).isEqualTo(200);
                assertThat(body(port, "readiness")).contains("\"db\":{\"status\":\"UP\"}")
                        .contains("\"jobExecutor\":{\"status\":\"UP\"}");

                postgres.stop();
                await().atMost(Duration.ofSeconds(60)).until(() -> probe(port, "readiness") == 503);
                assertThat(body(port, "readiness")).contains("\"db\":{\"status\":\"DOWN\"}");
                assertThat(probe(port, "liveness")).isEqualTo(200);

                postgres.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> probe(port, "readiness") == 200);
                assertThat(probe(port, "liveness")).isEqualTo(200);
            }
        }
    }

    int probe(int port, String name) throws Exception {
        return get(port, name).statusCode();
    }

    String body(int port, String name) throws Exception {
        return get(port, name).body();
    }

    HttpResponse<String> get(int port, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/" + name))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
