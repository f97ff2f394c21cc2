package kz.health.sanepid.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.health.sanepid.jdbc.InsertOnce;
import kz.health.sanepid.security.Roles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Same context as the other Spring tests; a fixed engine clock; registry rows and users the consent tests need. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ConsentTestSupport {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ALMATY);

    static final String ADULT = "850115300001";
    static final String ADULT_2 = "900220400000";
    static final String MINOR = "100601500000";
    static final String INCAPABLE = "880707600004";
    static final String PARENT = "651212500002";
    static final String GUARDIAN = "910909300001";
    /** In sanepid.consent-service.embedded.refuse-iins (application-test.yaml). */
    static final String REFUSER = "770707400009";
    /** In sanepid.consent-service.embedded.pending-iins. */
    static final String SLOW = "840808500011";
    static final String OPERATOR = "040540000014";

    static final String DPO_USER = "consentdpo";
    static final String MANAGER_USER = "consentmanager";
    static final String OTHER_USER = "consentspecialist";
    static final String PASSWORD = "Test#Consent2026";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConsentRecords records;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void fixture() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(java.util.Date.from(NOW.toInstant()));
        person(ADULT, LocalDate.of(1985, 1, 15), false, null);
        person(ADULT_2, LocalDate.of(1990, 2, 20), false, null);
        person(MINOR, LocalDate.of(2010, 6, 1), false, PARENT);
        person(INCAPABLE, LocalDate.of(1988, 7, 7), true, GUARDIAN);
        person(PARENT, LocalDate.of(1965, 12, 12), false, null);
        person(GUARDIAN, LocalDate.of(1991, 9, 9), false, null);
        person(REFUSER, LocalDate.of(1977, 7, 7), false, null);
        person(SLOW, LocalDate.of(1984, 8, 8), false, null);
        user(DPO_USER, Roles.DATA_PROTECTION_OFFICERS);
        user(MANAGER_USER, Roles.MANAGERS);
        user(OTHER_USER, Roles.SANEPID_SPECIALISTS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    void person(String iin, LocalDate born, boolean incapable, String representative) {
        Map<String, Object> row = new HashMap<>();
        row.put("iin", iin);
        row.put("surname", "Тестов");
        row.put("given_name", "Тест");
        row.put("birth_date", Date.valueOf(born));
        row.put("declared_incapable", incapable);
        row.put("representative_iin", representative);
        InsertOnce.insert(jdbc, "person", "iin", row);
    }

    void user(String id, String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    /** A request's variables, as the SDU recipient process passes them; a unique purpose keeps tests apart. */
    static Map<String, Object> request(String subjectIin, String categories, String requesterKind) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsentProcess.SUBJECT_IIN, subjectIin);
        vars.put(ConsentProcess.OPERATOR_BIN, OPERATOR);
        vars.put(ConsentProcess.PURPOSE, "SDU re-issuance " + UUID.randomUUID());
        vars.put(ConsentProcess.DATA_CATEGORIES, categories);
        vars.put(ConsentProcess.REQUESTER_KIND, requesterKind);
        vars.put(ConsentProcess.CHANNEL, "STATE_SERVICE");
        return vars;
    }

    ProcessInstance start(Map<String, Object> vars) {
        return runtimeService.startProcessInstanceByKey(ConsentProcess.PROCESS_ID, vars);
    }

    /** Runs the instance's due asynchronous continuations (not timers), as the job executor would. */
    void executeContinuations(ProcessInstance pi) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).messages().executable()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    Object variable(ProcessInstance pi, String name) {
        HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    ConsentHistory consentOf(ProcessInstance pi) {
        String id = (String) variable(pi, ConsentProcess.CONSENT_RECORD_ID);
        assertThat(id).isNotNull();
        return records.consent(id).orElseThrow();
    }

    static List<ConsentEventType> types(ConsentHistory consent) {
        return consent.events().stream().map(ConsentEvent::type).toList();
    }

    int serviceRequestsFor(String subjectIin) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM consent_service_request WHERE subject_iin = ?", Integer.class,
                subjectIin);
    }
}
