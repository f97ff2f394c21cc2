package kz.health.sanepid.ops;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A node on a random application port ({@code server.port=0}: tests, several nodes on one machine) takes a random
 * management port as well, unless {@code SANEPID_MANAGEMENT_PORT} names one: otherwise every such node would reach for
 * the default 8081 and the second would not start.
 */
public class ManagementPortFollowsServerPort implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("0".equals(environment.getProperty("server.port"))
                && !environment.containsProperty("SANEPID_MANAGEMENT_PORT")
                && "8081".equals(environment.getProperty("management.server.port"))) {
            environment.getPropertySources().addFirst(new MapPropertySource("management-port-follows-server-port",
                    Map.of("management.server.port", "0")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
