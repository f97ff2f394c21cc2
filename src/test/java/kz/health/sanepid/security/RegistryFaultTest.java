package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import kz.health.sanepid.reissuance.FailingPersonRegistry;
import kz.health.sanepid.reissuance.SduFixtures;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A registry that fails for a while: the affected jobs retry five minutes apart (R3/PT5M), an incident appears only
 * when the retries run out, and clearing the fault plus a retry (Cockpit's "retry" = setJobRetries) finishes them.
 * The stored failure (shown in Cockpit) names no IIN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistryFaultTest {

    static final Instant NOW = Instant.parse("2026-06-10T04:00:00Z");

    @Autowired FailingPersonRegistry personRegistry;
    @Autowired SduFixtures sdu;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @AfterEach
    void reset() {
        personRegistry.failNext(0);
        ClockUtil.reset();
    }

    @Test
    void aShortOutageIsRetriedWithoutIncidentAndALongOneBecomesIncidentsThatARetryClears() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        List<SduFixtures.Person> people = List.of(sdu.person(), sdu.person(), sdu.person());
        List<String> instances = people.stream().map(p -> sdu.offer(p, "Fault LLP"))
                .map(bk -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk).singleResult().getId())
                .toList();

        // the registry is down for two calls: the first recipient's job fails twice, then passes; no incident
        personRegistry.failNext(2);
        String first = instances.get(0);
        for (int attempt = 1; attempt <= 2; attempt++) {
            Job job = job(first);
            execute(job);
            Job after = job(first);
            assertThat(after.getRetries()).as("attempt %d", attempt).isEqualTo(3 - attempt);
            assertThat(after.getDuedate()).isEqualTo(Date.from(ClockUtil.now().toInstant().plusSeconds(300)));
            assertThat(after.getExceptionMessage()).contains("unreachable").doesNotContain(people.get(0).iin());
            assertThat(runtimeService.createIncidentQuery().processInstanceId(first).count()).isZero();
            ClockUtil.setCurrentTime(after.getDuedate());
        }
        execute(job(first));
        assertThat(runtimeService.createIncidentQuery().processInstanceId(first).count()).isZero();
        // item 6 to МАБ is one job (docs/PERFORMANCE.md): the next step is the SMS
        assertThat(activity(first)).isEqualTo("Task_SendSms");

        // a long outage: every attempt of the other two fails; incidents only after the third attempt
        personRegistry.failNext(1000);
        for (String id : instances.subList(1, 3)) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).as("before attempt %d",
                        attempt).isZero();
                execute(job(id));
            }
            assertThat(job(id).getRetries()).isZero();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(id).singleResult().getActivityId())
                    .isEqualTo("Task_CheckMissingOrDead");
        }

        // the registry is back; the operator retries: both finish the check and move on, the incidents are resolved
        personRegistry.failNext(0);
        for (String id : instances.subList(1, 3)) {
            managementService.setJobRetries(job(id).getId(), 1);
            execute(job(id));
            assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).isZero();
            assertThat(activity(id)).isEqualTo("Task_SendSms");
        }
    }

    Job job(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    String activity(String processInstanceId) {
        return runtimeService.getActiveActivityIds(processInstanceId).get(0);
    }

    void execute(Job job) {
        try {
            managementService.executeJob(job.getId());
        } catch (RuntimeException registryDown) {
            // the job's retries go down; the engine stored the failure
        }
    }
}
