package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

import kz.health.sanepid.demo.DemoLogins;
import kz.health.sanepid.security.password.Pbkdf2PasswordEncryptor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Strangers cannot lock an officer out: failed logins lock temporarily (3 s, doubling, at most the window, a minute),
 * never for good; passwords are hashed with PBKDF2, and an existing SHA-512 hash is re-hashed at the next login; the
 * prod guard looks demo logins up without spending a failed attempt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottlingTest {

    static final String DPO = "dpo";
    static final String PASSWORD = "Derbes#Real-Officer-2026";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Value("${sanepid.security.login-lock-window-seconds}") int window;

    @BeforeEach
    void officer() {
        if (identityService.createUserQuery().userId(DPO).count() == 0) {
            if (identityService.createGroupQuery().groupId(Roles.DATA_PROTECTION_OFFICERS).count() == 0) {
                identityService.saveGroup(identityService.newGroup(Roles.DATA_PROTECTION_OFFICERS));
            }
            User user = identityService.newUser(DPO);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(DPO, Roles.DATA_PROTECTION_OFFICERS);
        }
        ClockUtil.reset();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
        identityService.unlockUser(DPO);
    }

    @Test
    void fiftyWrongAttemptsLockTheOfficerOnlyForTheWindow() {
        assertThat(window).isEqualTo(60);
        for (int i = 0; i < 50; i++) {
            // a patient stranger: each wrong attempt after the previous lock has run out, so each one counts
            later(Duration.ofSeconds(window + 1));
            assertThat(status(DPO, "not-the-password-" + i)).isEqualTo(401);
        }
        // right after a failure the right password waits too (the lock is real) ...
        assertThat(status(DPO, PASSWORD)).isEqualTo(401);
        // ... but only until the window has passed
        later(Duration.ofSeconds(window + 1));
        assertThat(status(DPO, PASSWORD)).isEqualTo(200);
    }

    @Test
    void newPasswordsArePbkdf2AndAnOldSha512HashIsReHashedAtTheNextLogin() throws Exception {
        User fresh = identityService.newUser("hash-check-" + System.nanoTime());
        fresh.setPassword(PASSWORD);
        identityService.saveUser(fresh);
        assertThat(storedHash(fresh.getId())).startsWith("{" + Pbkdf2PasswordEncryptor.NAME + "}");

        // a user as the earlier version stored them: Camunda's single SHA-512 round over password + salt
        String legacy = "legacy-" + System.nanoTime();
        identityService.saveUser(identityService.newUser(legacy));
        String salt = "bGVnYWN5LXNhbHQtMDE=";
        String sha512 = "{SHA-512}" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest((PASSWORD + salt).getBytes(StandardCharsets.UTF_8)));
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?", sha512, salt, legacy);

        assertThat(identityService.checkPassword(legacy, PASSWORD)).isTrue();
        assertThat(storedHash(legacy)).startsWith("{" + Pbkdf2PasswordEncryptor.NAME + "}");
        assertThat(jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, legacy))
                .isNotEqualTo(salt);
        assertThat(identityService.checkPassword(legacy, PASSWORD)).isTrue();
        assertThat(identityService.checkPassword(legacy, "wrong" + PASSWORD)).isFalse();
    }

    @Test
    void theProductionGuardFindsADemoLoginWithoutSpendingAFailedAttempt() {
        int before = attempts(DPO);
        assertThat(DemoLogins.LOGINS).anyMatch(l -> l.userId().equals(DPO));
        assertThat(ProductionGuard.demoLoginsPresent(identityService)).anyMatch(p -> p.contains("'" + DPO + "'"));
        assertThat(attempts(DPO)).isEqualTo(before);
        assertThat(lockExpiration(DPO)).isNull();
    }

    private int status(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        return http.exchange("/api/calendar/days-off?year=2026", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value();
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }

    private String storedHash(String userId) {
        return jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, userId);
    }

    private int attempts(String userId) {
        Integer attempts = jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, userId);
        return attempts == null ? 0 : attempts;
    }

    private Date lockExpiration(String userId) {
        return jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", Date.class, userId);
    }
}
