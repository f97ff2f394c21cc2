package kz.health.sanepid.security.password;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity provider, which also re-hashes a password stored with an older algorithm (Camunda's single
 * SHA-512 round) with {@link Pbkdf2PasswordEncryptor} at the user's next successful login. The changed hash and a new
 * salt are written with the login's own command (the entity is dirty), not through saveUser: no authorization or
 * password-policy check stands between a user and their own login.
 */
public class RehashingIdentityProvider extends DbIdentityServiceProvider {

    static final String CURRENT_PREFIX = "{" + Pbkdf2PasswordEncryptor.NAME + "}";

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean matches = super.checkPassword(userId, password);
        if (matches) {
            UserEntity user = findUserById(userId);
            if (user != null && user.getPassword() != null && !user.getPassword().startsWith(CURRENT_PREFIX)) {
                user.setPassword(password);
                user.encryptPassword();
            }
        }
        return matches;
    }
}
