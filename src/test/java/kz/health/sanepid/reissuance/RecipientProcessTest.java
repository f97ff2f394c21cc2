package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import kz.health.sanepid.reissuance.SduFixtures.Flag;
import kz.health.sanepid.reissuance.SduFixtures.Person;
import kz.health.sanepid.reissuance.SmsInboundLog.Disposition;
import kz.health.sanepid.sms.InboundSmsHandler;
import kz.health.sanepid.sms.SmsGateway;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** sdu-reissuance-recipient through every branch of 004 App.2 items 6-15, with the engine clock moved for timers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecipientProcessTest {

    static final Instant NOW = Instant.parse("2026-06-01T05:00:00Z");

    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired SmsInboundLog inboundLog;
    @Autowired SmsGateway smsGateway;
    @Autowired FailingPersonRegistry personRegistry;
    @Autowired FailingMobileCitizenBase mobileBase;
    @Autowired PendingReplySweeper sweeper;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired SmsReplies smsReplies;
    @Autowired TransactionTemplate transactions;
    @Autowired SduSettings settings;
    @Autowired kz.health.sanepid.consent.ConsentObligations obligations;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        personRegistry.failNext(0);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        personRegistry.failNext(0);
    }

    // ---- item 6: each criterion excludes with its own reason ---------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "MISSING, End_ExcludedMissingOrDead, EXCLUDED_MISSING_OR_DEAD, 6.1: declared missing",
            "DEAD, End_ExcludedMissingOrDead, EXCLUDED_MISSING_OR_DEAD, 6.1: death record",
            "ABROAD, End_ExcludedAbroad, EXCLUDED_ABROAD, 6.2",
            "INCAPABLE, End_ExcludedIncapable, EXCLUDED_INCAPABLE, 6.3",
            "IMPRISONED, End_ExcludedImprisoned, EXCLUDED_IMPRISONED, 6.4"})
    void eachCriterionExcludesWithItsReason(Flag flag, String end, RecipientOutcome outcome, String reason) {
        Person p = fixtures.person(flag);
        String bk = fixtures.offer(p, "Жаңа Атау ЖШС");
        ProcessInstance pi = instance(bk);
        assertThat(pi).isWaitingAt("Task_CheckMissingOrDead");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(end);
        assertThat(pi).hasNotPassed("Task_HandToPortal");
        SduLedger.Recipient r = ledger.recipient(bk).orElseThrow();
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.outcomeDetail()).startsWith(reason);
        assertThat(r.finishedAt()).isEqualTo(NOW);
        assertThat(ledger.answers(bk)).extracting(SduLedger.RegistryAnswer::answer).contains("yes");
        assertThat(ledger.answers(bk)).allMatch(a -> a.answeredAt().equals(NOW));
        assertThat(smsGateway.sentTo(p.phone())).isEmpty();
    }

    @Test
    void noMobileNumberEndsTheProcess() {
        Person p = fixtures.person(Flag.NO_PHONE);
        String bk = fixtures.offer(p, "Жаңа Атау ЖШС");
        ProcessInstance pi = instance(bk);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Task_CheckImprisoned", "Task_HandToPortal", "Task_CheckMobileBase", "End_NoPhone")
                .hasNotPassed("Task_SendSms");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.NO_PHONE);
        assertThat(ledger.answers(bk)).extracting(SduLedger.RegistryAnswer::question)
                .containsExactly("6.1 declared missing", "6.1 death record", "6.2 permanently resides abroad",
                        "6.3 declared incapable", "6.4 deprived of liberty", "7 recipient handed over",
                        "9 registered mobile number");
    }

    // ---- items 11, 12: reply 1 re-issues ---------------------------------------------------------------------

    @Test
    void reply1ConfirmsConsentAndReissues() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Таза Саулық ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        List<SmsGateway.SentSms> sent = smsGateway.sentTo(p.phone());
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.messageKey()).isEqualTo(bk + "#1");
            assertThat(s.body()).contains("Құрметті көрсетілетін қызметті алушы!", "Уважаемый получатель услуги!", "1414");
            assertThat(s.body()).doesNotContain(p.iin());
        });
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.AWAITING_REPLY);
        Job timer = timer(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));

        ResponseEntity<Map> answer = reply(p.phone(), " 1 ");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("disposition", "CORRELATED");
        assertThat(pi).hasPassed("Gateway_ReplyKind", "Gateway_PilotOnBeforeConsent").isWaitingAt("Task_NotifyConsentFollows");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("CallActivity_ConfirmConsent", "Gateway_PilotOnBeforeReissue",
                "Task_ReissuePermit", "Task_WriteToSdu", "Task_DeliverToCabinet", "Task_NotifyReissued", "End_Reissued");
        HistoricProcessInstance consent = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(pi.getId()).singleResult();
        assertThat(consent.getProcessDefinitionKey()).isEqualTo("personal-data-consent");
        assertThat(consent.getBusinessKey()).isEqualTo(bk);
        assertThat(historicVariables(consent.getId())).containsEntry("subjectIin", p.iin())
                .containsEntry("operatorBin", "990240002453").containsEntry("dataCategories", "NAME,CONTACTS,IDENTITY_NUMBERS,PERMITS")
                .containsEntry("requesterKind", "OPERATOR").containsEntry("channel", "DQB_STATE_SERVICE")
                .containsEntry("validUntil", settings.pilotEndsOn().toString())
                .containsEntry("purpose", "SDU proactive re-issuance (004 App.2 item 12) of permit "
                        + ledger.recipient(bk).orElseThrow().permitId() + " on the name change "
                        + ledger.recipient(bk).orElseThrow().offerKey().split(":", 3)[2])
                .containsEntry("consentOutcome", "GRANTED");

        SduLedger.Recipient r = ledger.recipient(bk).orElseThrow();
        assertThat(r.outcome()).isEqualTo(RecipientOutcome.REISSUED);
        assertThat(r.repliedAt()).isEqualTo(NOW);
        Map<String, Object> formed = jdbc.queryForMap("SELECT * FROM permit WHERE permit_id = ?", r.newPermitId());
        Map<String, Object> old = jdbc.queryForMap("SELECT * FROM permit WHERE permit_id = ?", r.permitId());
        assertThat(formed).containsEntry("HOLDER_NAME", "Таза Саулық ЖШС").containsEntry("REPLACES_PERMIT_ID", r.permitId())
                .containsEntry("SCOPE", old.get("SCOPE")).containsEntry("VALID_UNTIL", old.get("VALID_UNTIL"))
                .containsEntry("STATUS", "ACTIVE");
        assertThat(old).containsEntry("STATUS", "REPLACED");
        assertThat(jdbc.queryForObject("SELECT new_holder_name FROM sdu_updated_recipient WHERE permit_id = ?", String.class,
                r.newPermitId())).isEqualTo("Таза Саулық ЖШС");
        assertThat(jdbc.queryForObject("SELECT recipient_iin FROM cabinet_delivery WHERE permit_id = ?", String.class,
                r.newPermitId())).isEqualTo(p.iin());
    }

    @Test
    void reply2Refuses() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Береке АҚ");
        ProcessInstance pi = waitingForReply(bk);
        assertThat(reply(p.phone(), "2").getStatusCode().value()).isEqualTo(200);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_Refused").hasNotPassed("CallActivity_ConfirmConsent");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.REFUSED);
        assertThat(ledger.recipient(bk).orElseThrow().newPermitId()).isNull();
    }

    // ---- items 13, 14: the resend and the end without reply ---------------------------------------------------

    @Test
    void noReplyThenReplyAfterTheResend() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Мөлдір ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        Instant resendAt = fireTimer(pi, NOW.plus(Duration.ofDays(3)));
        assertThat(pi).isWaitingAt("Task_ResendSms");
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReplyAfterResend");
        assertThat(smsGateway.sentTo(p.phone())).extracting(SmsGateway.SentSms::messageKey).containsExactly(bk + "#1", bk + "#2");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.RESENT);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(resendAt.plus(Duration.ofDays(3))));

        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Task_ResendSms", "Gateway_ReplyKind", "End_Reissued");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.REISSUED);
    }

    @Test
    void noReplyTwiceEnds() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Арна ЖК");
        ProcessInstance pi = waitingForReply(bk);
        Instant resendAt = fireTimer(pi, NOW.plus(Duration.ofDays(3)));
        runJobs(pi);
        fireTimer(pi, resendAt.plus(Duration.ofDays(3)));
        assertThat(pi).isEnded().hasPassed("Event_SecondReplyTimeout", "End_NoReply").hasNotPassed("Gateway_ReplyKind");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.NO_REPLY);
        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(404);
    }

    // ---- replies that are not 1 or 2, from strangers, twice, too early ---------------------------------------

    @Test
    void anInvalidReplyIsExplainedAndTheRecipientKeepsWaiting() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Өркен ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        Date due = timer(pi).getDuedate();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(5))));
        ResponseEntity<Map> answer = reply(p.phone(), "иә");
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).containsEntry("disposition", "INVALID_TEXT");
        assertThat((List<String>) answer.getBody().get("reasons")).contains("text: must be 1 or 2");
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(timer(pi).getDuedate()).isEqualTo(due);
        assertThat(smsGateway.sentTo(p.phone())).hasSize(2).last().satisfies(s -> {
            assertThat(s.messageKey()).startsWith("reply-help:");
            assertThat(s.body()).contains("1414", "Ответ не распознан");
        });
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.AWAITING_REPLY);
        assertThat(inboundLog.dispositionsFrom(p.phone())).containsExactly(Disposition.INVALID_TEXT);
    }

    @Test
    void anUnknownNumberIsRefusedAndRecorded() {
        ResponseEntity<Map> answer = reply("8 (777) 000-00-01", "1");
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).containsEntry("disposition", "UNKNOWN_NUMBER");
        assertThat(inboundLog.dispositionsFrom("+77770000001")).containsExactly(Disposition.UNKNOWN_NUMBER);
    }

    @Test
    void aMalformedRequestIsRefusedAndNothingIsWritten() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound", Long.class);
        ResponseEntity<Map> answer = http.exchange("/api/sms/inbound", org.springframework.http.HttpMethod.POST,
                gateway(Map.of("from", "12345", "text", "1")), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat((List<String>) answer.getBody().get("reasons")).anyMatch(r -> r.startsWith("from:"))
                .anyMatch(r -> r.startsWith("receivedAt:"));
        assertThat(http.postForEntity("/api/sms/inbound", Map.of("from", "+77011234567", "text", "1",
                "receivedAt", NOW.toString()), Map.class).getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_sms_inbound", Long.class)).isEqualTo(before);
    }

    @Test
    void aDuplicateReplyChangesNothing() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Сенім ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        assertThat(reply(p.phone(), "2").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map> again = reply(p.phone(), "1");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("disposition", "DUPLICATE");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_Refused");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.REFUSED);
        assertThat(inboundLog.dispositionsFrom(p.phone())).containsExactly(Disposition.CORRELATED, Disposition.DUPLICATE);
    }

    /**
     * Two replies from one number at once (two gateway deliveries, two nodes): the second waits for the first's
     * transaction and sees what it took. Before the first read locked the number's offers, the second read the
     * offer as still waiting, then found it taken under its lock and kept its reply as PENDING (202) for a sweeper
     * that would never take it.
     */
    @Test
    void twoRepliesFromOneNumberAtOnceAreTakenOnceAndTheOtherIsADuplicate() throws Exception {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Бірлік ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        AtomicReference<Thread> second = new AtomicReference<>();
        CompletableFuture<InboundSmsHandler.Result> later = new CompletableFuture<>();
        InboundSmsHandler.Result first = transactions.execute(tx -> {
            InboundSmsHandler.Result taken = smsReplies.handle(p.phone(), "2", ClockUtil.now().toInstant());
            Thread t = new Thread(() -> later.complete(smsReplies.handle(p.phone(), "1", ClockUtil.now().toInstant())));
            second.set(t);
            t.start();
            // the second delivery is inside its first read, waiting for this transaction's lock on the offers
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING);
            return taken;
        });
        InboundSmsHandler.Result other = later.get(10, TimeUnit.SECONDS);
        second.get().join();
        assertThat(first.outcome()).isEqualTo(InboundSmsHandler.Outcome.TAKEN);
        assertThat(other.outcome()).isEqualTo(InboundSmsHandler.Outcome.ALREADY_TAKEN);
        assertThat(other.disposition()).isEqualTo("DUPLICATE");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_Refused");
        assertThat(inboundLog.dispositionsFrom(p.phone())).containsExactly(Disposition.CORRELATED, Disposition.DUPLICATE);
    }

    @Test
    void aReplyWhileTheSmsIsStillBeingSentIsKeptAndTakenLater() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Қуат ЖШС");
        ProcessInstance pi = instance(bk);
        managementService.executeJob(job(pi).getId());
        // one job from 6.1 to МАБ (docs/PERFORMANCE.md): the SMS is the next job
        assertThat(pi).hasPassed("Task_CheckMissingOrDead", "Task_CheckAbroad", "Task_CheckIncapable",
                "Task_CheckImprisoned", "Task_HandToPortal", "Task_CheckMobileBase").isWaitingAt("Task_SendSms");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.PHONE_FOUND);
        ResponseEntity<Map> early = reply(p.phone(), "1");
        assertThat(early.getStatusCode().value()).isEqualTo(202);
        assertThat(early.getBody()).containsEntry("disposition", "PENDING");
        assertThat(reply(p.phone(), "1").getBody()).containsEntry("disposition", "DUPLICATE");
        assertThat(sweeper.sweep()).isZero();
        managementService.executeJob(job(pi).getId());
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(pi).hasPassed("Gateway_ReplyKind").isWaitingAt("Task_NotifyConsentFollows");
        assertThat(inboundLog.dispositionsFrom(p.phone())).containsExactly(Disposition.CORRELATED, Disposition.DUPLICATE);
    }

    @Test
    void oneReplyAnswersEveryOfferWaitingOnThatNumber() {
        Person head = fixtures.person();
        String first = fixtures.offer(head, "Бірінші ЖШС");
        String second = fixtures.offer(head, "Екінші ЖШС");
        ProcessInstance a = waitingForReply(first);
        ProcessInstance b = waitingForReply(second);
        assertThat(smsGateway.sentTo(head.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactlyInAnyOrder(first + "#1", second + "#1");
        assertThat(reply(head.phone(), "2").getBody()).containsEntry("disposition", "CORRELATED");
        runJobs(a);
        runJobs(b);
        assertThat(a).isEnded().hasPassed("End_Refused");
        assertThat(b).isEnded().hasPassed("End_Refused");
        assertThat(inboundLog.dispositionsFrom(head.phone())).containsExactly(Disposition.CORRELATED, Disposition.CORRELATED);
    }

    // ---- item 18: consent ------------------------------------------------------------------------------------

    @Test
    void noConsentEndsWithoutReissue() {
        // in sanepid.consent-service.embedded.refuse-iins (application-test.yaml): the ДҚБ service answers REFUSED
        Person p = fixtures.person("770707400009");
        String bk = fixtures.offer(p, "Шапағат ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        reply(p.phone(), "1");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("CallActivity_ConfirmConsent", "End_ConsentRefused").hasNotPassed("Task_ReissuePermit");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.CONSENT_REFUSED);
    }

    @Test
    void revokingConsentStopsAWaitingRecipient() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Жасыл ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        runtimeService.createMessageCorrelation("ConsentRevoked").processInstanceVariableEquals("consentSubjectIin", p.iin())
                .correlateAll();
        assertThat(pi).isEnded().hasPassed("StartEvent_ConsentRevoked", "End_ConsentRevoked").hasNotPassed("Gateway_ReplyKind");
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.CONSENT_REVOKED);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---- a registry failure: retries, incident, operator's retry ---------------------------------------------

    @Test
    void aFailingRegistryBecomesAnIncidentAndTheRetrySucceeds() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Таза ЖШС");
        ProcessInstance pi = instance(bk);
        personRegistry.failNext(100);
        int attempts = runUntilRetriesRunOut(pi);
        Job job = job(pi);
        assertThat(attempts).as("R3: three attempts, then an incident").isEqualTo(3);
        assertThat(job.getExceptionMessage()).contains("person registry unreachable");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
                .isEqualTo("Task_CheckMissingOrDead");
        assertThat(pi).isWaitingAt("Task_CheckMissingOrDead");
        assertThat(ledger.answers(bk)).isEmpty();

        personRegistry.failNext(0);
        managementService.setJobRetries(job.getId(), 1);
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(ledger.answers(bk)).filteredOn(a -> a.question().startsWith("6.1 declared")).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk).count()).isEqualTo(1);
        assertThat(smsGateway.sentTo(p.phone())).hasSize(1);
    }

    @Test
    void aFailingMobileBaseRepeatsTheItem6ReadsAndNamesItsStepAsTheFailedActivity() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Өзен ЖШС");
        ProcessInstance pi = instance(bk);
        mobileBase.failNext(100);
        runUntilRetriesRunOut(pi); // МАБ is unreachable: each attempt rolls back the whole job, 6.1 to МАБ
        Job failed = job(pi);
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getFailedActivityId()).isEqualTo("Task_CheckMobileBase");
        org.camunda.bpm.engine.runtime.Incident incident = runtimeService.createIncidentQuery()
                .processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).as("the job's first step").isEqualTo("Task_CheckMissingOrDead");
        assertThat(incident.getFailedActivityId()).as("the step that failed").isEqualTo("Task_CheckMobileBase");
        assertThat(ledger.answers(bk)).as("the item 6 answers rolled back with the job").isEmpty();

        mobileBase.failNext(0);
        managementService.setJobRetries(failed.getId(), 1);
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(ledger.answers(bk)).filteredOn(a -> a.question().startsWith("6.1 declared")).hasSize(1);
        assertThat(smsGateway.sentTo(p.phone())).hasSize(1);
    }

    // ---- order item 8: the pilot's end, across the boundary ------------------------------------------------------

    /** An instant on the pilot's last day (or a day after it), Almaty local time. */
    Instant onPilotDay(int daysAfterLast, int hour, int minute) {
        return settings.pilotEndsOn().plusDays(daysAfterLast).atTime(hour, minute).atZone(SduSettings.ZONE).toInstant();
    }

    @Test
    void aResendDueOnThePilotsLastDayGoesOutAndOneDueTheDayAfterEndsPilotEndedWithoutSms() {
        // sent 3 days before the last day at 22:00: the resend falls due on the last day, and goes
        ClockUtil.setCurrentTime(Date.from(onPilotDay(-3, 22, 0)));
        Person inTime = fixtures.person();
        String inTimeKey = fixtures.offer(inTime, "Соңғы Күн ЖШС");
        ProcessInstance before = waitingForReply(inTimeKey);
        fireTimer(before, onPilotDay(0, 22, 0));
        assertThat(before).hasPassed("Gateway_PilotOnBeforeResend").isWaitingAt("Task_ResendSms");

        // sent 2 days before the last day at 22:00: the resend falls due the day after it - no SMS, PILOT_ENDED
        ClockUtil.setCurrentTime(Date.from(onPilotDay(-2, 22, 0)));
        Person late = fixtures.person();
        String lateKey = fixtures.offer(late, "Кеш ЖШС");
        ProcessInstance after = waitingForReply(lateKey);
        fireTimer(after, onPilotDay(1, 22, 0));
        assertThat(after).isEnded().hasPassed("Gateway_PilotOnBeforeResend", "End_PilotEndedBeforeResend")
                .hasNotPassed("Task_ResendSms");
        assertThat(smsGateway.sentTo(late.phone())).extracting(SmsGateway.SentSms::messageKey).containsExactly(lateKey + "#1");
        assertThat(ledger.recipient(lateKey).orElseThrow().outcome()).isEqualTo(RecipientOutcome.PILOT_ENDED);
    }

    @Test
    void reply1AfterThePilotsEndAsksNoConsentAndSendsNothing() {
        ClockUtil.setCurrentTime(Date.from(onPilotDay(0, 20, 0)));
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Түн ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        ClockUtil.setCurrentTime(Date.from(onPilotDay(1, 0, 30)));
        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        assertThat(pi).isEnded().hasPassed("Gateway_PilotOnBeforeConsent", "End_PilotEndedBeforeConsent")
                .hasNotPassed("Task_NotifyConsentFollows", "CallActivity_ConfirmConsent");
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
        assertThat(smsGateway.sentTo(p.phone())).hasSize(1);
        assertThat(ledger.recipient(bk).orElseThrow().outcome()).isEqualTo(RecipientOutcome.PILOT_ENDED);
    }

    @Test
    void aConsentThatComesAfterThePilotsEndFormsNothing() {
        ClockUtil.setCurrentTime(Date.from(onPilotDay(0, 23, 0)));
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Шекара ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        assertThat(reply(p.phone(), "1").getStatusCode().value()).isEqualTo(200);
        managementService.executeJob(job(pi).getId());          // the notice and the start of the consent, on the last day
        assertThat(pi).hasPassed("Task_NotifyConsentFollows").isWaitingAt("CallActivity_ConfirmConsent");
        ClockUtil.setCurrentTime(Date.from(onPilotDay(1, 0, 10)));
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Gateway_PilotOnBeforeReissue", "End_PilotEndedBeforeReissue")
                .hasNotPassed("Task_ReissuePermit", "Task_NotifyReissued");
        SduLedger.Recipient r = ledger.recipient(bk).orElseThrow();
        assertThat(r.outcome()).isEqualTo(RecipientOutcome.PILOT_ENDED);
        assertThat(r.newPermitId()).isNull();
        assertThat(smsGateway.sentTo(p.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(bk + "#1", OfferSms.noticeKey(bk, OfferSms.Notice.CONSENT_FOLLOWS));
        assertThat(obligations.open(p.iin(), settings.operatorBin())).isEmpty();
    }

    // ---- items 12, 15: the recipient is told what happens next ----------------------------------------------------

    @Test
    void theRecipientIsToldThatConsentFollowsAndThenThatTheDocumentIsInTheCabinet() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Хабар ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        reply(p.phone(), "1");
        assertThat(pi).isWaitingAt("Task_NotifyConsentFollows");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Task_NotifyConsentFollows", "Task_NotifyReissued", "End_Reissued");
        List<SmsGateway.SentSms> sent = smsGateway.sentTo(p.phone());
        assertThat(sent).extracting(SmsGateway.SentSms::messageKey).containsExactly(bk + "#1",
                OfferSms.noticeKey(bk, OfferSms.Notice.CONSENT_FOLLOWS), OfferSms.noticeKey(bk, OfferSms.Notice.DOCUMENT_IN_CABINET));
        assertThat(sent.get(1).body()).contains("ДҚБ", "КДП", "eGov", "1414");
        assertThat(sent.get(2).body()).contains("жеке кабинет", "личный кабинет", "e-license").doesNotContain(p.iin());
    }

    @Test
    void reply2IsAcknowledgedWithTheOrdinaryRoute() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Жоқ ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        reply(p.phone(), "2");
        assertThat(pi).isWaitingAt("Task_NotifyRefusal");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("Task_NotifyRefusal", "End_Refused");
        assertThat(smsGateway.sentTo(p.phone())).last().satisfies(s -> {
            assertThat(s.messageKey()).isEqualTo(OfferSms.noticeKey(bk, OfferSms.Notice.REFUSAL_ACKNOWLEDGED));
            assertThat(s.body()).contains("ҚР ДСМ-336/2020", "ҚР ДСМ-274/2020", "Правилам", "Қағидаға");
        });
    }

    @Test
    void aReplyAfterTheOfferEndedIsAnsweredOnceThatItEnded() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Мерзім ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        Instant resendAt = fireTimer(pi, NOW.plus(Duration.ofDays(3)));
        runJobs(pi);
        fireTimer(pi, resendAt.plus(Duration.ofDays(3)));
        assertThat(pi).isEnded().hasPassed("End_NoReply");
        ResponseEntity<Map> late = reply(p.phone(), "1");
        assertThat(late.getStatusCode().value()).isEqualTo(404);
        assertThat((String) late.getBody().get("message")).contains("offer ended was sent");
        reply(p.phone(), "1");
        assertThat(smsGateway.sentTo(p.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(bk + "#1", bk + "#2", OfferSms.noticeKey(bk, OfferSms.Notice.OFFER_ENDED));
        assertThat(smsGateway.sentTo(p.phone()).get(2).body()).contains("аяқталды", "завершено");
    }

    @Test
    void theExplanationGoesAtMostOncePerOfferAndDaySoAnAutoResponderCannotLoop() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Автожауап ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        for (int i = 0; i < 5; i++) {
            assertThat(reply(p.phone(), "Абонент временно недоступен").getStatusCode().value()).isEqualTo(422);
        }
        assertThat(smsGateway.sentTo(p.phone())).extracting(SmsGateway.SentSms::messageKey)
                .containsExactly(bk + "#1", "reply-help:" + bk + ":2026-06-01");
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(1))));
        reply(p.phone(), "Абонент временно недоступен");
        reply(p.phone(), "Абонент временно недоступен");
        assertThat(smsGateway.sentTo(p.phone())).hasSize(3).last()
                .satisfies(s -> assertThat(s.messageKey()).isEqualTo("reply-help:" + bk + ":2026-06-02"));
        assertThat(pi).isWaitingAt("Task_AwaitReply");
        assertThat(inboundLog.dispositionsFrom(p.phone())).hasSize(7).containsOnly(Disposition.INVALID_TEXT);
    }

    // ---- Law 94-V art. 8: an unfinished re-issue is an obligation that bars a revocation -------------------------

    @Test
    void anAgreedReissueIsAnOpenObligationUntilItIsDone() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Міндет ЖШС");
        ProcessInstance pi = waitingForReply(bk);
        reply(p.phone(), "1");
        assertThat(obligations.open(p.iin(), settings.operatorBin())).isEmpty();
        RecipientJobs.runUntil(runtimeService, managementService, pi, () -> isWaitingAtReissue(pi));
        assertThat(pi).isWaitingAt("Task_ReissuePermit");
        assertThat(obligations.open(p.iin(), settings.operatorBin())).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(kz.health.sanepid.consent.ConsentObligations.Kind.UNFULFILLED_OBLIGATION);
            assertThat(o.legalReference()).contains("art. 8", "item 12");
        });
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_Reissued");
        assertThat(obligations.open(p.iin(), settings.operatorBin())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_obligation WHERE reference = ? AND fulfilled_at IS NOT NULL",
                Long.class, ReissueObligation.reference(bk))).isOne();
    }

    boolean isWaitingAtReissue(ProcessInstance pi) {
        return runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_ReissuePermit").count() > 0;
    }

    // ---- items 13, 14: the waits are configuration ----------------------------------------------------------------

    @Test
    void theReplyWaitsComeFromConfiguration() {
        assertThat(settings.replyWait()).isEqualTo("P3D");
        Person p = fixtures.person();
        ProcessInstance pi = waitingForReply(fixtures.offer(p, "Күту ЖШС"));
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.parse("PT72H"))));
        assertThat(SduSettings.replyWait(" PT48H ")).isEqualTo("PT48H");
        assertThat(SduSettings.replyWait("P2DT12H")).isEqualTo("P2DT12H");
        for (String bad : new String[] {"P3", "3 days", "PT30M", "P1M", "P0D", "P"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SduSettings.replyWait(bad))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("sanepid.sdu.reply-wait");
        }
    }

    // ---- items 8, 17: contesting a registry's answer ----------------------------------------------------------------

    @Test
    void aSpecialistSeesEveryAnswerAndReOffersOnceAfterTheRegistryCorrectedIt() {
        fixtures.users();
        Person p = fixtures.person(Flag.ABROAD);
        String bk = fixtures.offer(p, "Қайта ЖШС");
        ProcessInstance pi = instance(bk);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("End_ExcludedAbroad");
        String answersPath = "/api/sdu/recipients/" + bk + "/answers";
        ResponseEntity<Map> answers = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD).getForEntity(answersPath, Map.class);
        assertThat(answers.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, String>>) answers.getBody().get("answers")).anySatisfy(a -> {
            assertThat(a).containsEntry("question", "6.2 permanently resides abroad").containsEntry("answer", "yes")
                    .containsEntry("answeredAt", NOW.toString());
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_read WHERE subject_iin = ? AND endpoint = ?", Long.class,
                p.iin(), "/api/sdu/recipients/{businessKey}/answers")).isOne();
        assertThat(http.withBasicAuth(SduFixtures.MANAGER, SduFixtures.PASSWORD).getForEntity(answersPath, Map.class)
                .getStatusCode().value()).isEqualTo(403);

        String reOffer = "/api/sdu/recipients/" + bk + "/re-offer";
        Map<String, String> reason = Map.of("reason", "ЖТ МДҚ corrected the residence record on 2026-06-01 (ticket 42)");
        long recipients = jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient", Long.class);
        ResponseEntity<Map> refused = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity(reOffer, reason, Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((List<String>) refused.getBody().get("reasons")).singleElement().asString().startsWith("6.2");
        assertThat(http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity(reOffer, Map.of("reason", "x"), Map.class).getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient", Long.class)).isEqualTo(recipients);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_reoffer WHERE excluded_business_key = ?", Long.class, bk)).isZero();
        assertThat(ledger.answers(bk)).hasSize(3);

        jdbc.update("UPDATE person SET resides_abroad = FALSE WHERE iin = ?", p.iin());
        ResponseEntity<Map> offered = http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity(reOffer, reason, Map.class);
        assertThat(offered.getStatusCode().value()).isEqualTo(201);
        String again = (String) offered.getBody().get("businessKey");
        assertThat(again).isNotEqualTo(bk).endsWith(p.iin() + ":" + ledger.recipient(bk).orElseThrow().permitId());
        assertThat(ledger.recipient(again).orElseThrow().offerKey()).endsWith(":REOFFER");
        assertThat(jdbc.queryForMap("SELECT * FROM sdu_reoffer WHERE excluded_business_key = ?", bk))
                .containsEntry("NEW_BUSINESS_KEY", again).containsEntry("REQUESTED_BY", SduFixtures.SPECIALIST)
                .containsEntry("EXCLUDED_OUTCOME", "EXCLUDED_ABROAD").containsEntry("REASON", reason.get("reason"));
        ProcessInstance second = waitingForReply(again);
        assertThat(second).hasPassed("Task_CheckAbroad", "Task_SendSms");
        assertThat(http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD).postForEntity(reOffer, reason, Map.class)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(http.withBasicAuth(SduFixtures.SPECIALIST, SduFixtures.PASSWORD)
                .postForEntity("/api/sdu/recipients/" + again + "/re-offer", reason, Map.class).getStatusCode().value())
                .as("only an exclusion may be re-offered").isEqualTo(409);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Executes the instance's job while it has retries left (at most 10 attempts); answers the attempts made. */
    int runUntilRetriesRunOut(ProcessInstance pi) {
        int attempts = 0;
        for (Job job = job(pi); job.getRetries() > 0 && attempts < 10; job = job(pi)) {
            attempts++;
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the outside system is unreachable: the job's retries go down
            }
        }
        return attempts;
    }

    ProcessInstance instance(String bk) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(StartRecipients.RECIPIENT_PROCESS)
                .processInstanceBusinessKey(bk).singleResult();
    }

    ProcessInstance waitingForReply(String bk) {
        ProcessInstance pi = instance(bk);
        runJobs(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReply").hasPassed("Task_HandToPortal", "Task_CheckMobileBase", "Task_SendSms");
        return pi;
    }

    /** Runs the instance's asynchronous continuations (not its timers), and those of the consent process it calls. */
    void runJobs(ProcessInstance pi) {
        RecipientJobs.runUntil(runtimeService, managementService, pi, () -> false);
    }

    Map<String, Object> historicVariables(String processInstanceId) {
        Map<String, Object> variables = new java.util.HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }

    Job job(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
    }

    Job timer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    /** Asserts the timer is due at {@code due} (3 calendar days), moves the clock there and fires it. */
    Instant fireTimer(ProcessInstance pi, Instant due) {
        Job timer = timer(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        managementService.executeJob(timer.getId());
        return due.plusSeconds(60);
    }

    ResponseEntity<Map> reply(String from, String text) {
        return http.exchange("/api/sms/inbound", org.springframework.http.HttpMethod.POST,
                gateway(Map.of("from", from, "text", text, "receivedAt", ClockUtil.now().toInstant().toString())), Map.class);
    }

    static HttpEntity<String> gateway(Map<String, String> body) {
        return kz.health.sanepid.security.SignedGatewayRequest.entity(SduFixtures.GATEWAY_SECRET, body);
    }
}
