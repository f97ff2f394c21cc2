package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.health.sanepid.reissuance.OfferSms.SmsLanguage;
import kz.health.sanepid.reissuance.SduFixtures.Person;
import kz.health.sanepid.reissuance.SmsInboundLog.Disposition;
import kz.health.sanepid.sms.SmsGateway;
import kz.health.sanepid.sms.SmsSegments;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One SMS per number and attempt within a run (004 App.2 items 11, 13; issue 16): offers of one run to one number
 * go out as one message per attempt naming them all, one reply answers them all; two send jobs racing send one
 * message; a claimer's crash after its claim neither loses nor doubles the message; the recipient's language when
 * the mobile citizens base knows it; every message's segments in the run's summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneOffersTest {

    static final Instant NOW = Instant.parse("2026-06-01T05:00:00Z");

    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired SmsInboundLog inboundLog;
    @Autowired SmsGateway smsGateway;
    @Autowired PhoneOffers phoneOffers;
    @Autowired SduSettings settings;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        fixtures.users();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void threeOffersToOneNumberInARunAreOneSmsPerAttemptAndOneReplyAnswersThemAll() {
        Person head = fixtures.person();
        List<String> keys = fixtures.offersInOneRun(head, "Бірінші ЖШС", "Екінші ЖШС", "Үшінші ЖШС");
        String runId = keys.get(0).substring(0, keys.get(0).indexOf(':'));
        List<ProcessInstance> pis = keys.stream().map(this::instance).toList();
        // the item-6 and МАБ reads of all three first (one job each), then their send jobs
        pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
        pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_SendSms"));
        pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
        pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_AwaitReply").hasPassed("Task_SendSms"));

        List<SmsGateway.SentSms> sent = smsGateway.sentTo(head.phone());
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.messageKey()).isEqualTo(keys.get(0) + "#1");
            assertThat(s.body()).startsWith(OfferSms.KAZAKH + "\n\n" + OfferSms.RUSSIAN + "\n\n")
                    .contains("Бұл хабарлама 3 ұсынысқа қатысты", "Сообщение касается 3 предложений",
                            "Бірінші ЖШС", "Екінші ЖШС", "Үшінші ЖШС")
                    .doesNotContain(head.iin());
            keys.forEach(k -> assertThat(s.body()).contains(ledger.recipient(k).orElseThrow().permitId()));
        });
        keys.forEach(k -> assertThat(ledger.recipient(k).orElseThrow().outcome()).isEqualTo(RecipientOutcome.AWAITING_REPLY));
        assertThat(ledger.answers(keys.get(0))).extracting(SduLedger.RegistryAnswer::answer).contains("sent");
        assertThat(ledger.answers(keys.get(1))).extracting(SduLedger.RegistryAnswer::answer)
                .contains("covered: one SMS for 3 offers of this number in the run");
        // a retried send job of a covered offer sends nothing either
        phoneOffers.claim(keys.get(2), 1);
        assertThat(smsGateway.sentTo(head.phone())).hasSize(1);

        // item 13: no reply in 3 days, ONE resend for the three
        Instant due = NOW.plus(Duration.parse(settings.replyWait()));
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        for (ProcessInstance pi : pis) {
            assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(due));
            managementService.executeJob(timer(pi).getId());
            assertThat(pi).isWaitingAt("Task_ResendSms");
        }
        pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
        pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_AwaitReplyAfterResend").hasPassed("Task_ResendSms"));
        assertThat(smsGateway.sentTo(head.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(keys.get(0) + "#1", keys.get(0) + "#2");
        assertThat(smsGateway.sentTo(head.phone()).get(1).body()).isEqualTo(sent.get(0).body());
        keys.forEach(k -> assertThat(ledger.recipient(k).orElseThrow().outcome()).isEqualTo(RecipientOutcome.RESENT));

        // one "1" answers the three offers
        ResponseEntity<Map> answer = reply(head.phone(), "1");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("disposition", "CORRELATED");
        pis.forEach(pi -> assertThat(pi).hasPassed("Gateway_ReplyKind").isWaitingAt("Task_NotifyConsentFollows"));
        assertThat(inboundLog.dispositionsFrom(head.phone()))
                .containsExactly(Disposition.CORRELATED, Disposition.CORRELATED, Disposition.CORRELATED);
        // the reply's next-step SMS (consent follows through ДҚБ) goes once for the three, not three times
        pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
        assertThat(smsGateway.sentTo(head.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(keys.get(0) + "#1", keys.get(0) + "#2",
                        OfferSms.noticeKey(keys.get(0), OfferSms.Notice.CONSENT_FOLLOWS));
        assertThat(ledger.answers(keys.get(2))).extracting(SduLedger.RegistryAnswer::answer)
                .contains("sent once for the offers of the same SMS");

        // the run's summary: 2 offer messages for 6 offer-attempts, with their segments
        int each = SmsSegments.of(sent.get(0).body()).segments();
        assertThat(each).isGreaterThan(16);
        ResponseEntity<Map> view = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .getForEntity("/api/sdu/runs/" + runId, Map.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> sms = (Map<String, Object>) view.getBody().get("sms");
        Map<String, Map<String, Number>> byStep = (Map<String, Map<String, Number>>) sms.get("byStep");
        assertThat(byStep.get("OFFER_1")).containsEntry("messages", 1).containsEntry("offers", 3).containsEntry("segments", each);
        assertThat(byStep.get("OFFER_2")).containsEntry("messages", 1).containsEntry("offers", 3).containsEntry("segments", each);
        assertThat(((Number) sms.get("messages")).intValue()).as("2 offer messages, 1 notice").isEqualTo(3);
        assertThat(((Number) sms.get("segments")).intValue()).isEqualTo(2 * each
                + SmsSegments.of(OfferSms.Notice.CONSENT_FOLLOWS.text(SmsLanguage.BOTH)).segments());
        assertThat((Map<String, Number>) sms.get("byLanguage")).containsOnlyKeys("BOTH");
    }

    @Test
    void twoSendJobsOfOneNumberRacingSendOneSms() throws Exception {
        for (int round = 0; round < 3; round++) {
            Person head = fixtures.person();
            List<String> keys = fixtures.offersInOneRun(head, "Жарыс ЖШС", "Екінші жарыс ЖШС");
            List<ProcessInstance> pis = keys.stream().map(this::instance).toList();
            pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
            List<String> sendJobs = pis.stream().map(pi -> job(pi).getId()).toList();
            List<Throwable> failures = race(sendJobs);
            // the two claims took turns on the number's lock: neither job failed (without the lock one of them
            // meets the unique index of the claim and is retried; either way one SMS)
            assertThat(failures).isEmpty();
            assertThat(smsGateway.sentTo(head.phone())).as("round %d, failures %s", round, failures).hasSize(1);
            pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_AwaitReply"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_cover WHERE business_key IN (?, ?) AND attempt = 1",
                    Integer.class, keys.get(0), keys.get(1))).isEqualTo(2);
        }
    }

    @Test
    void twoNoticeJobsOfOneReplyRacingSendOneNoticeAndNeitherFails() throws Exception {
        for (int round = 0; round < 3; round++) {
            Person head = fixtures.person();
            List<String> keys = fixtures.offersInOneRun(head, "Хабар ЖШС", "Екінші хабар ЖШС");
            List<ProcessInstance> pis = keys.stream().map(this::instance).toList();
            pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
            pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
            assertThat(reply(head.phone(), "1").getStatusCode().value()).isEqualTo(200);
            pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_NotifyConsentFollows"));
            List<String> noticeJobs = pis.stream().map(pi -> job(pi).getId()).toList();
            List<Throwable> failures = race(noticeJobs);
            // the two notices of one SMS took turns on its first offer's row: neither job failed (without that, both
            // looked, found no notice, and the later one met the outbox's unique index and was retried 5 min later)
            assertThat(failures).as("round %d", round).isEmpty();
            assertThat(smsGateway.sentTo(head.phone())).extracting(SmsGateway.SentSms::messageKey)
                    .containsExactly(keys.get(0) + "#1", OfferSms.noticeKey(keys.get(0), OfferSms.Notice.CONSENT_FOLLOWS));
            pis.forEach(pi -> assertThat(pi).hasPassed("Task_NotifyConsentFollows"));
        }
    }

    /** Runs the jobs at once, one thread each; what they threw. */
    List<Throwable> race(List<String> jobIds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(jobIds.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> runs = new ArrayList<>();
        for (String jobId : jobIds) {
            runs.add(threads.submit(() -> {
                ClockUtil.setCurrentTime(Date.from(NOW));
                try {
                    start.await();
                    managementService.executeJob(jobId);
                } catch (Throwable t) {
                    failures.add(t);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        return failures;
    }

    @Test
    void aClaimerThatCrashedAfterItsClaimIsCoveredByTheOtherOffersJobAndNothingIsSentTwice() {
        Person head = fixtures.person();
        List<String> keys = fixtures.offersInOneRun(head, "Бірінші ЖШС", "Екінші ЖШС");
        List<ProcessInstance> pis = keys.stream().map(this::instance).toList();
        pis.forEach(pi -> managementService.executeJob(job(pi).getId()));
        // the first offer's job claimed (committed on its own) and died before the gateway
        PhoneOffers.Message claimed = phoneOffers.claim(keys.get(0), 1);
        assertThat(claimed.offers()).isEqualTo(2);
        assertThat(claimed.sent()).isFalse();
        assertThat(smsGateway.sentTo(head.phone())).isEmpty();
        // the second offer's job sends the claimed message itself, under the claimer's key
        managementService.executeJob(job(pis.get(1)).getId());
        assertThat(smsGateway.sentTo(head.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(keys.get(0) + "#1");
        // the first job's retry finds it sent
        managementService.executeJob(job(pis.get(0)).getId());
        assertThat(smsGateway.sentTo(head.phone())).hasSize(1);
        pis.forEach(pi -> assertThat(pi).isWaitingAt("Task_AwaitReply"));
        assertThat(phoneOffers.message(keys.get(0) + "#1").orElseThrow().sent()).isTrue();
    }

    @Test
    void theSameHeadsOfferWhoseReadsHaveNotRunYetIsNamedInTheFirstSms() {
        Person head = fixtures.person();
        List<String> keys = fixtures.offersInOneRun(head, "Ерте ЖШС", "Кеш ЖШС");
        ProcessInstance early = instance(keys.get(0));
        ProcessInstance late = instance(keys.get(1));
        managementService.executeJob(job(early).getId());
        managementService.executeJob(job(early).getId());
        assertThat(early).isWaitingAt("Task_AwaitReply");
        assertThat(late).isWaitingAt("Task_CheckMissingOrDead");
        assertThat(smsGateway.sentTo(head.phone())).singleElement()
                .satisfies(s -> assertThat(s.body()).contains("Ерте ЖШС", "Кеш ЖШС", "2 ұсынысқа"));
        // its own reads then run (item 6, МАБ: the same person, the same answers) and its send job finds the cover
        managementService.executeJob(job(late).getId());
        managementService.executeJob(job(late).getId());
        assertThat(late).isWaitingAt("Task_AwaitReply").hasPassed("Task_CheckImprisoned", "Task_CheckMobileBase");
        assertThat(smsGateway.sentTo(head.phone())).hasSize(1);
        assertThat(ledger.answers(keys.get(1))).extracting(SduLedger.RegistryAnswer::answer)
                .contains("covered: one SMS for 2 offers of this number in the run");
        assertThat(reply(head.phone(), "2").getBody()).containsEntry("disposition", "CORRELATED");
        assertThat(inboundLog.dispositionsFrom(head.phone())).containsExactly(Disposition.CORRELATED, Disposition.CORRELATED);
    }

    @Test
    void anotherPersonsOfferOnTheSameNumberThatBecameReadyLateGetsAnSmsOfItsOwn() {
        Person first = fixtures.person();
        Person second = fixtures.samePhoneAs(fixtures.person(), first);
        String a = fixtures.offersInOneRun(first, "Бірінші ЖШС").get(0);
        String runId = a.substring(0, a.indexOf(':'));
        String b = fixtures.offerIn(runId, second, "Екінші ЖШС");
        ProcessInstance early = instance(a);
        ProcessInstance late = instance(b);
        managementService.executeJob(job(early).getId());
        managementService.executeJob(job(early).getId());
        managementService.executeJob(job(late).getId());
        managementService.executeJob(job(late).getId());
        assertThat(early).isWaitingAt("Task_AwaitReply");
        assertThat(late).isWaitingAt("Task_AwaitReply");
        List<SmsGateway.SentSms> sent = smsGateway.sentTo(first.phone());
        assertThat(sent).extracting(SmsGateway.SentSms::messageKey).containsExactly(a + "#1", b + "#1");
        assertThat(sent).allSatisfy(s -> assertThat(s.body()).isEqualTo(OfferSms.OFFER));
        assertThat(jdbc.queryForList("SELECT seq FROM sdu_sms_message WHERE run_id = ? ORDER BY seq", Integer.class, runId))
                .containsExactly(1, 2);
        assertThat(reply(first.phone(), "2").getBody()).containsEntry("disposition", "CORRELATED");
        assertThat(inboundLog.dispositionsFrom(first.phone())).containsExactly(Disposition.CORRELATED, Disposition.CORRELATED);
    }

    @ParameterizedTest(name = "МАБ language {0} -> {1}")
    @CsvSource(nullValues = "none", value = {"kk, KK", "ru, RU", "none, BOTH", "en, BOTH"})
    void theSmsIsInTheLanguageTheMobileBaseKnowsElseBoth(String registryLanguage, SmsLanguage expected) {
        Person p = fixtures.person();
        fixtures.language(p, registryLanguage);
        String bk = fixtures.offer(p, "Тіл ЖШС");
        ProcessInstance pi = instance(bk);
        managementService.executeJob(job(pi).getId());
        managementService.executeJob(job(pi).getId());
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        String offer = smsGateway.sentTo(p.phone()).get(0).body();
        assertThat(offer).isEqualTo(OfferSms.offer(expected));
        switch (expected) {
            case KK -> assertThat(offer).isEqualTo(OfferSms.KAZAKH).doesNotContain("Уважаемый");
            case RU -> assertThat(offer).isEqualTo(OfferSms.RUSSIAN).doesNotContain("Құрметті");
            case BOTH -> assertThat(offer).isEqualTo(OfferSms.OFFER);
        }
        assertThat(reply(p.phone(), "2").getBody()).containsEntry("disposition", "CORRELATED");
        managementService.executeJob(job(pi).getId());
        assertThat(pi).isEnded().hasPassed("End_Refused");
        assertThat(smsGateway.sentTo(p.phone())).extracting(SmsGateway.SentSms::body)
                .containsExactly(offer, OfferSms.Notice.REFUSAL_ACKNOWLEDGED.text(expected));
        String runId = bk.substring(0, bk.indexOf(':'));
        assertThat(phoneOffers.sentByLanguage(runId)).containsExactly(Map.entry(expected.name(), 2L));
        assertThat(phoneOffers.sentByStep(runId).get("REFUSAL_ACKNOWLEDGED")).containsEntry("segments",
                (long) SmsSegments.of(OfferSms.Notice.REFUSAL_ACKNOWLEDGED.text(expected)).segments());
    }

    @Test
    void severalOffersInOneLanguageKeepTheTemplateWordForWord() {
        List<OfferSms.OfferLine> two = List.of(new OfferSms.OfferLine("SE2-1", "Бір ЖШС"), new OfferSms.OfferLine("SE3-2", null));
        assertThat(OfferSms.offer(SmsLanguage.KK, two)).isEqualTo(OfferSms.KAZAKH
                + "\n\nБұл хабарлама 2 ұсынысқа қатысты, бір жауабыңыз (1 немесе 2) барлығына қолданылады:\n1) SE2-1 - Бір ЖШС\n2) SE3-2");
        assertThat(OfferSms.offer(SmsLanguage.RU, two)).startsWith(OfferSms.RUSSIAN + "\n\nСообщение касается 2 предложений")
                .doesNotContain("Құрметті");
        assertThat(OfferSms.offer(SmsLanguage.BOTH, List.of(two.get(0)))).isEqualTo(OfferSms.OFFER);
        assertThat(OfferSms.common(List.of(SmsLanguage.KK, SmsLanguage.KK))).isEqualTo(SmsLanguage.KK);
        assertThat(OfferSms.common(List.of(SmsLanguage.KK, SmsLanguage.RU))).isEqualTo(SmsLanguage.BOTH);
    }

    ProcessInstance instance(String bk) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKey(bk).singleResult();
    }

    Job job(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
    }

    Job timer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    ResponseEntity<Map> reply(String from, String text) {
        return http.exchange("/api/sms/inbound", org.springframework.http.HttpMethod.POST,
                RecipientProcessTest.gateway(Map.of("from", from, "text", text,
                        "receivedAt", ClockUtil.now().toInstant().toString())), Map.class);
    }
}
