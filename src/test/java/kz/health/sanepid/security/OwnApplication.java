package kz.health.sanepid.security;

import java.net.http.HttpClient;
import java.time.Duration;

import kz.health.sanepid.SanepidApplication;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in its own context for jqwik properties (jqwik has no Spring integration here): test profile,
 * its own in-memory database and engine name, a random port, one user per role, and an HTTP client.
 */
record OwnApplication(ConfigurableApplicationContext context, String base, HttpClient client) {

    static OwnApplication start(String engineName, String database) {
        // command-line arguments: they win over application.yaml (default properties would not); no webapps, whose
        // JVM-wide runtime would be cleared on close under another context's (see SduEndToEndTest)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SanepidApplication.class)
                .profiles("test").run("--server.port=0", "--camunda.bpm.process-engine-name=" + engineName,
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        SecurityTestUsers.create(context.getBean(IdentityService.class));
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        return new OwnApplication(context, "http://localhost:" + port, client);
    }

    static void stop(OwnApplication application) {
        if (application != null) {
            application.context().close();
        }
    }
}
