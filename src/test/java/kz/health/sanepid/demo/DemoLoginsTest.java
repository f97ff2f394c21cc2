package kz.health.sanepid.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo users' names, as the webapps show them, are in Kazakh and Russian (no English role name). */
class DemoLoginsTest {

    @Test
    void displayNamesAreInKazakhAndRussian() {
        assertThat(DemoLogins.FIRST_NAME).isEqualTo("Демо");
        for (DemoLogins.Login login : DemoLogins.LOGINS) {
            String[] parts = login.displayName().split(" / ");
            assertThat(parts).as(login.userId()).hasSize(2);
            assertThat(parts[0]).as("Kazakh: " + login.userId()).matches("[а-яёәғқңөұүһіА-ЯЁ ]+")
                    .isNotEqualTo(parts[1]);
            assertThat(parts[1]).as("Russian: " + login.userId()).matches("[а-яёА-ЯЁ ]+")
                    .doesNotContainPattern("[a-zA-Z]");
        }
        assertThat(DemoLogins.LOGINS).as("Kazakh letters somewhere")
                .anyMatch(l -> l.displayName().matches(".*[әғқңөұүһі].*"));
    }
}
