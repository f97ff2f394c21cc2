package kz.health.sanepid.security.password;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import kz.health.sanepid.security.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Passwords of the engine's users: new ones hashed with PBKDF2 ({@code sanepid.security.password-hash-iterations}),
 * existing SHA-512 hashes still accepted and re-hashed at the next login ({@link RehashingIdentityProvider}).
 */
@Component
public class PasswordHashing extends AbstractProcessEnginePlugin {

    private final int iterations;

    public PasswordHashing(SecurityProperties security) {
        this.iterations = security.passwordHashIterations();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(iterations));
        // Camunda keeps its SHA-512 checker among the others, so existing hashes are still read
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(RehashingIdentityProvider.class));
    }
}
