package kz.health.sanepid.demo;

import java.util.List;
import java.util.Map;

import kz.health.sanepid.security.HrSpecialists;
import kz.health.sanepid.security.ProviderOfficers;
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

    /** {@code displayName} is what Tasklist, Cockpit and Admin show after "Демо": in Kazakh and Russian. */
    public record Login(String userId, String password, String groupId, String groupName, String role,
            String displayName) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("provider", "Qyzmet#Beru2026", Roles.PROVIDER_OFFICERS, "Қызмет беруші / Услугодатель",
                    "provider officer",
                    "қызмет беруші қызметкері / сотрудник услугодателя"),
            // a second provider's officer: each provider's officers see their own complaints only
            new Login("provider2", "Ekinshi#Qyzmet2026", Roles.PROVIDER_OFFICERS, "Қызмет беруші / Услугодатель",
                    "provider officer (second provider)",
                    "екінші қызмет беруші қызметкері / сотрудник второго услугодателя"),
            new Login("head", "Basshy#Sheshim-2026", Roles.PROVIDER_HEADS,
                    "Қызмет беруші басшысы / Руководитель услугодателя", "head of the provider",
                    "қызмет беруші басшысы / руководитель услугодателя"),
            new Login("reviewer", "Shagym#Qarau2026", Roles.REVIEWING_BODY_OFFICERS,
                    "Шағымды қарайтын орган / Орган рассмотрения жалоб", "reviewing-body officer",
                    "шағымды қарайтын орган қызметкері / сотрудник органа рассмотрения жалоб"),
            new Login("specialist", "Sanepid#Maman2026", Roles.SANEPID_SPECIALISTS,
                    "СЭС маманы / Специалист СЭС", "sanitary-epidemiological specialist",
                    "санэпид бақылау маманы / специалист санэпидслужбы"),
            new Login("dpo", "Derbes#Derek2026", Roles.DATA_PROTECTION_OFFICERS,
                    "Дербес деректерді қорғау / Защита персональных данных", "data-protection officer",
                    "дербес деректерді қорғау жөніндегі қызметкер / ответственный за защиту персональных данных"),
            // a second officer: disclosures on grounds 3 and 5 of Health Code art. 95(4) need four eyes
            new Login("dpo2", "Qupiya#Ekinshi2026", Roles.DATA_PROTECTION_OFFICERS,
                    "Дербес деректерді қорғау / Защита персональных данных", "second data-protection officer",
                    "екінші дербес деректер қызметкері / второй ответственный за персональные данные"),
            // the HR specialist of a demo employer (order No. 66 item 9): the professional-register updates of its
            // workers whose certificate SDU re-issued (group hr-<BIN> too, HR_EMPLOYER_OF_SPECIALIST)
            new Login("hr", "Kadr#Tizilim2026", Roles.HR_SPECIALISTS, "Кадр маманы / Кадровый специалист",
                    "HR specialist of an employer", "кадр қызметінің маманы / специалист кадровой службы"),
            new Login("manager", "Basshy#Baqylau2026", Roles.MANAGERS, "Басшылар / Руководители", "manager", "басшы / руководитель"),
            new Login("admin", "Zhuie#Basqaru2026", Roles.ADMINISTRATORS, "Әкімшілер / Администраторы",
                    "administrator", "әкімші / администратор"));

    /**
     * The demo employers (health organisations, check digit valid) whose workers the demo registries employ
     * ({@link DemoData}); the demo HR specialist is the first one's. The second has no HR login: its tasks are
     * seen by nobody in the demo but the administrator, as another employer's should be.
     */
    public static final List<String> DEMO_EMPLOYERS = List.of("180540000012", "190640000028");
    public static final Map<String, String> HR_EMPLOYER_OF_SPECIALIST = Map.of("hr", DEMO_EMPLOYERS.get(0));

    /** The same word in Kazakh and Russian. */
    static final String FIRST_NAME = "Демо";

    /** The demo providers (BINs of the demo registries' style, check digit valid) and their officers. */
    public static final Map<String, String> PROVIDER_OF_OFFICER = Map.of("provider", "150340001236",
            "provider2", "160440000015");

    /** The demo head decides the complaints addressed to the head of the first demo provider only. */
    public static final Map<String, String> HEAD_OF_PROVIDER = Map.of("head", "150340001236");

    private final IdentityService identityService;
    private final ProviderOfficers providerOfficers;
    private final HrSpecialists hrSpecialists;

    public DemoLogins(IdentityService identityService, ProviderOfficers providerOfficers,
                      HrSpecialists hrSpecialists) {
        this.identityService = identityService;
        this.providerOfficers = providerOfficers;
        this.hrSpecialists = hrSpecialists;
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
            User existing = identityService.createUserQuery().userId(login.userId()).singleResult();
            if (existing == null) {
                User user = identityService.newUser(login.userId());
                user.setFirstName(FIRST_NAME);
                user.setLastName(login.displayName());
                user.setPassword(login.password());
                identityService.saveUser(user);
                identityService.createMembership(login.userId(), login.groupId());
            } else if (!login.displayName().equals(existing.getLastName()) || !FIRST_NAME.equals(existing.getFirstName())) {
                existing.setFirstName(FIRST_NAME);
                existing.setLastName(login.displayName());
                identityService.saveUser(existing);
            }
        }
        HR_EMPLOYER_OF_SPECIALIST.forEach(hrSpecialists::enrol);
        PROVIDER_OF_OFFICER.forEach(providerOfficers::enrol);
        HEAD_OF_PROVIDER.forEach(providerOfficers::enrolHead);
        LOG.info("demo logins ready: {}", LOGINS.stream().map(Login::userId).toList());
    }
}
