package kz.health.sanepid.security.password;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords of the engine's users: new ones hashed with PBKDF2 ({@code sanepid.security.password-hash-iterations}),
 * existing SHA-512 hashes still accepted and re-hashed at the next login ({@link RehashingIdentityProvider}).
 */
@Component
public class PasswordHashing extends AbstractProcessEnginePlugin {

    private final int iterations;

    public PasswordHashing(@Value("${sanepid.security.password-hash-iterations:210000}") int iterations) {
        this.iterations = iterations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(iterations));
        configuration.setCustomPasswordChecker(List.of(new Sha512HashDigest()));
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(RehashingIdentityProvider.class));
    }
}
