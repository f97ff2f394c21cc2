package kz.health.sanepid.security;

import kz.health.sanepid.audit.ProcessSubjects;
import kz.health.sanepid.audit.ReadAudit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link EngineReadGuard} on both engine doors, inside {@code /engine-rest}'s authentication (order 10). */
@Configuration
public class EngineReadGuardConfig {

    @Bean
    FilterRegistrationBean<EngineReadGuard> engineReadGuard(IdentityService identityService, TaskService taskService,
            RuntimeService runtimeService, ProcessSubjects subjects, ReadAudit audit) {
        FilterRegistrationBean<EngineReadGuard> registration = new FilterRegistrationBean<>(
                new EngineReadGuard(identityService, taskService, runtimeService, subjects, audit));
        registration.setName("engine-read-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(12);
        return registration;
    }
}
