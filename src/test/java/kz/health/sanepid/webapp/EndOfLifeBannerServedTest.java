package kz.health.sanepid.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application serves its own user-styles.css (the rule that hides the banner) to each webapp, and its
 * own Kazakh and Russian locale files and config.js rather than the webjar's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EndOfLifeBannerServedTest {

    @Autowired TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void eachWebappGetsTheRuleThatHidesTheBanner(String app) {
        ResponseEntity<String> css = http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
        assertThat(css.getStatusCode().value()).isEqualTo(200);
        assertThat(css.getBody()).contains(".ce-eol-banner").contains("display: none !important;");
    }

    @ParameterizedTest
    @CsvSource({"tasklist,locales/kk.json", "tasklist,locales/ru.json", "tasklist,scripts/config.js",
        "cockpit,locales/kk.json", "cockpit,locales/ru.json", "cockpit,scripts/config.js",
        "admin,locales/kk.json", "admin,locales/ru.json", "admin,scripts/config.js"})
    void eachWebappGetsTheApplicationsLocaleFilesAndConfig(String app, String file) throws IOException {
        String name = "META-INF/resources/webjars/camunda/app/" + app + "/" + file;
        URL ours = Thread.currentThread().getContextClassLoader().getResource(name);
        assertThat(ours).as(name).isNotNull();
        assertThat(ours.toString()).doesNotContain("camunda-webapp-webjar");

        ResponseEntity<byte[]> served = http.getForEntity("/camunda/app/" + app + "/" + file, byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        try (InputStream in = ours.openStream()) {
            assertThat(served.getBody()).as("served %s is the application's file", file).isEqualTo(in.readAllBytes());
        }
    }
}
