package kz.health.sanepid.demo;

import java.util.List;

import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo login per role, each in its own group; only in the demo profile. Passwords meet Camunda's default
 * password policy (10+ characters, upper and lower case, a digit, a special character, no user data).
 */
@Component
@Profile("demo")
@Order(1)
public class DemoLogins implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLogins.class);

    public record Login(String userId, String password, String groupId, String groupName, String role) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("provider", "Qyzmet#Beru2026", Roles.PROVIDER_OFFICERS, "Қызмет беруші / Услугодатель",
                    "provider officer"),
            new Login("head", "Basshy#Sheshim-2026", Roles.PROVIDER_HEADS,
                    "Қызмет беруші басшысы / Руководитель услугодателя", "head of the provider"),
            new Login("reviewer", "Shagym#Qarau2026", Roles.REVIEWING_BODY_OFFICERS,
                    "Шағымды қарайтын орган / Орган рассмотрения жалоб", "reviewing-body officer"),
            new Login("specialist", "Sanepid#Maman2026", Roles.SANEPID_SPECIALISTS,
                    "СЭС маманы / Специалист СЭС", "sanitary-epidemiological specialist"),
            new Login("dpo", "Derbes#Derek2026", Roles.DATA_PROTECTION_OFFICERS,
                    "Дербес деректерді қорғау / Защита персональных данных", "data-protection officer"),
            // a second officer: disclosures on grounds 3 and 5 of Health Code art. 95(4) need four eyes
            new Login("dpo2", "Qupiya#Ekinshi2026", Roles.DATA_PROTECTION_OFFICERS,
                    "Дербес деректерді қорғау / Защита персональных данных", "second data-protection officer"),
            new Login("manager", "Basshy#Baqylau2026", Roles.MANAGERS, "Басшылар / Руководители", "manager"),
            new Login("admin", "Zhuie#Basqaru2026", Roles.ADMINISTRATORS, "Әкімшілер / Администраторы",
                    "administrator"));

    private final IdentityService identityService;

    public DemoLogins(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Login login : LOGINS) {
            if (identityService.createGroupQuery().groupId(login.groupId()).count() == 0) {
                Group group = identityService.newGroup(login.groupId());
                group.setName(login.groupName());
                group.setType(Roles.ADMINISTRATORS.equals(login.groupId()) ? "SYSTEM" : "WORKFLOW");
                identityService.saveGroup(group);
            }
            if (identityService.createUserQuery().userId(login.userId()).count() == 0) {
                User user = identityService.newUser(login.userId());
                user.setFirstName("Demo");
                user.setLastName(login.role());
                user.setPassword(login.password());
                identityService.saveUser(user);
                identityService.createMembership(login.userId(), login.groupId());
            }
        }
        LOG.info("demo logins ready: {}", LOGINS.stream().map(Login::userId).toList());
    }
}
