package kz.health.sanepid.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-of-life banner is hidden in Tasklist, Cockpit and Admin by each webapp's own customisation point (the
 * application's styles/user-styles.css, which index.html loads), and the webjar still names the banner by the class
 * the rule hides, so an upgrade that renames it fails here. Plain JUnit, no Spring context.
 */
class EndOfLifeBannerTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void theApplicationsUserStylesHideTheBanner(String app) throws IOException {
        URL css = resource(APP + app + "/styles/user-styles.css");
        assertThat(css.toString()).as("the application's user-styles.css, not the webjar's")
                .doesNotContain("camunda-webapp-webjar");
        assertThat(text(css).replaceAll("/\\*.*?\\*/", "").replaceAll("\\s+", " "))
                .contains(".ce-eol-banner { display: none !important; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void theWebjarShowsTheBannerUnderThatClassAndLoadsTheUserStyles(String app) throws IOException {
        assertThat(text(resource(APP + app + "/camunda-" + app + "-bootstrap.js")))
                .contains("class=\"ce-eol-banner\"");
        assertThat(text(resource(APP + app + "/index.html"))).contains("app/" + app + "/styles/user-styles.css");
    }

    private static URL resource(String name) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(name);
        assertThat(url).as(name + " on the classpath").isNotNull();
        return url;
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
