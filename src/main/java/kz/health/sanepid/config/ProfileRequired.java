package kz.health.sanepid.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application has no default profile: started without one ({@code java -jar sanepid-workflow.jar}) it stops at
 * once instead of running the demo, with its published logins, by accident. {@code mvn spring-boot:run} passes
 * {@code demo} (pom.xml).
 */
public class ProfileRequired implements EnvironmentPostProcessor {

    static final String MESSAGE = "no profile is active: start with --spring.profiles.active=demo (demo data and"
            + " demo logins, on this machine only) or SPRING_PROFILES_ACTIVE=prod,postgres (production, see"
            + " docs/PRODUCTION.md)";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getActiveProfiles().length == 0) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
