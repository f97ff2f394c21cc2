package kz.health.sanepid.config;

import java.beans.Introspector;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The application's {@code @ConfigurationProperties} records (found by the scan) get their simple name as an alias
 * ({@code ComplaintTerms} as {@code complaintTerms}), the name the diagrams' expressions use: Spring Boot names them
 * {@code "<prefix>-<class>"}, which an expression cannot spell.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("kz.health.sanepid")
public class ExpressionNames {

    @Bean
    static BeanFactoryPostProcessor configurationPropertiesAliases() {
        return ExpressionNames::alias;
    }

    private static void alias(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            String className = definition.getBeanClassName();
            if (className == null || !className.startsWith("kz.health.sanepid.")) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(className, factory.getBeanClassLoader());
            if (!type.isAnnotationPresent(ConfigurationProperties.class)) {
                continue;
            }
            String alias = Introspector.decapitalize(type.getSimpleName());
            if (!alias.equals(name) && !factory.containsBean(alias)) {
                factory.registerAlias(name, alias);
            }
        }
    }
}
