package kz.health.sanepid.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The running application serves its own user-styles.css (the rule that hides the banner) to each webapp. */
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
}
