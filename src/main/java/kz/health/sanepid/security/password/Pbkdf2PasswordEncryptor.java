package kz.health.sanepid.security.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * PBKDF2-HMAC-SHA256 for the engine's users (the JDK's own implementation): slow by its iteration count and salted
 * twice, by Camunda's per-user salt (appended to the password before it reaches an encryptor) and by a random salt
 * of its own. Stored as {@code {PBKDF2}iterations$salt$hash} (Base64); the iteration count travels with each hash, so
 * raising it later leaves older hashes readable.
 */
public class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    public static final String NAME = "PBKDF2";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("at least 1,000 PBKDF2 iterations");
        }
        this.iterations = iterations;
    }

    @Override
    public String encrypt(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash(password, salt, iterations));
    }

    @Override
    public boolean check(String password, String encrypted) {
        String[] parts = encrypted == null ? new String[0] : encrypted.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[2]);
            return MessageDigest.isEqual(expected, hash(password, base64.decode(parts[1]), Integer.parseInt(parts[0])));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
