package kz.health.sanepid.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.idnumber.PhoneNumbers;
import kz.health.sanepid.reissuance.CollectCandidates;
import kz.health.sanepid.reissuance.FailingPersonRegistry;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.reissuance.SduFixtures.Flag;
import kz.health.sanepid.reissuance.SduFixtures.Person;
import kz.health.sanepid.reissuance.SduLedger;
import kz.health.sanepid.reissuance.StartRecipients;
import kz.health.sanepid.security.Roles;
import kz.health.sanepid.security.SignedGatewayRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The managers' view over HTTP (issue 17): each endpoint on a state built here with known numbers (an SDU run over
 * registries filled for it, complaints with the engine clock moved, consent events, an incident), the exact figures,
 * CSV equal to JSON, no raw IIN or phone in a manager's answer, lists audited, every other role refused, and the
 * Cockpit session accepted for these reads only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerViewApiTest {

    static final String PASSWORD = "Manager#View-2026";
    static final String MANAGER = "mv-manager";
    static final String ADMIN = "mv-admin";
    /** Every other role's group, each with a user of its own. */
    static final Map<String, String> OTHERS = Map.of(
            "mv-provider", Roles.PROVIDER_OFFICERS,
            "mv-head", Roles.PROVIDER_HEADS,
            "mv-reviewer", Roles.REVIEWING_BODY_OFFICERS,
            "mv-specialist", Roles.SANEPID_SPECIALISTS,
            "mv-dpo", Roles.DATA_PROTECTION_OFFICERS,
            "mv-hr", Roles.HR_SPECIALISTS);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired SduFixtures fixtures;
    @Autowired SduLedger ledger;
    @Autowired CollectCandidates collect;
    @Autowired StartRecipients starter;
    @Autowired ComplaintRegistration registration;
    @Autowired FailingPersonRegistry personRegistry;

    @BeforeAll
    void users() {
        user(MANAGER, Roles.MANAGERS);
        user(ADMIN, Roles.ADMINISTRATORS);
        OTHERS.forEach(this::user);
        subject = fixtures.newIin();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        personRegistry.failNext(0);
    }

    // ---- SDU ------------------------------------------------------------------------------------------------------

    /** A window of one minute in which only this test's registry rows changed name. */
    static final Instant T = Instant.parse("2026-12-15T04:37:00Z");

    @Test
    void theFunnelOfAKnownRunAndItsRecipientsMaskedAndAudited() {
        ClockUtil.setCurrentTime(Date.from(T));
        Instant changed = T.minusSeconds(30);
        List<String> bins = new ArrayList<>();
        List<Long> nameChanges = new ArrayList<>();
        String runId = fixtures.newRunId();
        try {
            // organisations: A (head replies 1, consent granted), B (head declared missing), C (no permit),
            // D (no first head), E (head without a mobile number)
            Person headA = fixtures.person();
            Person headB = fixtures.person(Flag.MISSING);
            Person headE = fixtures.person(Flag.NO_PHONE);
            bins.add(organisation(headA.iin(), true, changed));
            bins.add(organisation(headB.iin(), true, changed));
            bins.add(organisation(fixtures.person().iin(), false, changed));
            bins.add(organisation(null, true, changed));
            bins.add(organisation(headE.iin(), true, changed));
            // persons: abroad, replies 2, no permit, no reply after the resend, replies 1 and the ДҚБ refuses
            Person abroad = fixtures.person(Flag.ABROAD);
            Person refuses = fixtures.person();
            Person noPermit = fixtures.person();
            Person silent = fixtures.person();
            Person consentRefused = fixtures.person("770707400009"); // refuse-iins (application-test.yaml)
            for (Person p : List.of(abroad, refuses, silent, consentRefused)) {
                fixtures.permit(p.iin(), "PERSON", 3, "Тестов Ерлан");
            }
            for (Person p : List.of(abroad, refuses, noPermit, silent, consentRefused)) {
                nameChanges.add(nameChange(p.iin(), changed));
            }

            ledger.openRun(runId, null, "test", null);
            collect.collect(runId, T.minusSeconds(60), T);
            starter.startBatch(runId, 50);
            runJobs(runId);
            assertThat(reply(headA.phone(), "1").getStatusCode().value()).isEqualTo(200);
            assertThat(reply(consentRefused.phone(), "1").getStatusCode().value()).isEqualTo(200);
            assertThat(reply(refuses.phone(), "2").getStatusCode().value()).isEqualTo(200);
            runJobs(runId);
            // silence: the resend after 3 days, the end after 3 more (item 13)
            for (int i = 1; i <= 2; i++) {
                ClockUtil.setCurrentTime(Date.from(T.plus(Duration.ofDays(3L * i)).plus(Duration.ofHours(i))));
                for (Job timer : timers(runId)) {
                    managementService.executeJob(timer.getId());
                }
                runJobs(runId);
            }

            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("runs", 1L);
            expected.put("renamedOrganisations", 5L);
            expected.put("renamedPersons", 5L);
            expected.put("withPermit", 8L);
            expected.put("withRecipient", 7L);
            expected.put("offers", 7L);
            expected.put("alreadyOffered", 0L);
            expected.put("excludedMissingOrDead", 1L);
            expected.put("excludedAbroad", 1L);
            expected.put("excludedIncapable", 0L);
            expected.put("excludedImprisoned", 0L);
            expected.put("noPhone", 1L);
            expected.put("smsSent", 4L);
            expected.put("resent", 1L);
            expected.put("reply1", 2L);
            expected.put("reply2", 1L);
            expected.put("noReplyAfterResend", 1L);
            expected.put("consentGranted", 1L);
            expected.put("consentRefused", 1L);
            expected.put("consentExpired", 0L);
            expected.put("consentWithoutConsent", 0L);
            expected.put("reissued", 1L);
            expected.put("consentRevoked", 0L);
            expected.put("pilotEnded", 0L);
            expected.put("failed", 0L);
            expected.put("inProgress", 0L);

            JsonNode run = json(get(MANAGER, "/api/manager/sdu/funnel?runId=" + runId));
            assertThat(steps(run.at("/tables/funnel"))).containsExactlyEntriesOf(expected);
            JsonNode period = json(get(MANAGER, "/api/manager/sdu/funnel?from=2026-12-15&to=2026-12-15"));
            assertThat(period.at("/query/from").asText()).isEqualTo("2026-12-15");
            assertThat(steps(period.at("/tables/funnel"))).containsExactlyEntriesOf(expected);
            assertThat(get(ADMIN, "/api/manager/sdu/funnel?runId=" + runId).getStatusCode().value()).isEqualTo(200);
            csvEqualsJson("/api/manager/sdu/funnel?runId=" + runId, "funnel");

            JsonNode runs = json(get(MANAGER, "/api/manager/sdu/runs?from=2026-12-15&to=2026-12-15"));
            assertThat(runs.at("/tables/runs/rows").size()).isEqualTo(1);
            assertThat(runs.at("/tables/runs/rows/0/0").asText()).isEqualTo(runId);
            csvEqualsJson("/api/manager/sdu/runs?from=2026-12-15&to=2026-12-15", "runs");

            // the recipients, finished ones included, by outcome: masked, with what each registry answered
            String all = "/api/manager/sdu/runs/" + runId + "/recipients?size=50";
            int auditedBefore = audited(MANAGER);
            ResponseEntity<String> list = get(MANAGER, all);
            JsonNode recipients = json(list);
            assertThat(recipients.at("/query/total").asLong()).isEqualTo(7);
            assertThat(recipients.at("/tables/recipients/rows").size()).isEqualTo(7);
            assertThat(audited(MANAGER) - auditedBefore).as("one audit row per recipient shown").isEqualTo(7);
            for (Person p : List.of(headA, headB, headE, abroad, refuses, silent, consentRefused)) {
                assertThat(list.getBody()).doesNotContain(p.iin()).contains(IdentificationNumbers.mask(p.iin()));
                if (p.phone() != null) {
                    assertThat(list.getBody()).doesNotContain(p.phone());
                }
            }
            assertThat(list.getBody()).doesNotContain("Тестов");
            JsonNode reissued = json(get(MANAGER, all + "&outcome=REISSUED")).at("/tables/recipients");
            assertThat(reissued.at("/rows").size()).isEqualTo(1);
            Map<String, String> row = row(reissued, 0);
            assertThat(row.get("recipientIin")).isEqualTo(IdentificationNumbers.mask(headA.iin()));
            assertThat(row.get("phone")).isEqualTo(PhoneNumbers.mask(headA.phone()));
            assertThat(row.get("registryAnswers")).contains("6.1 declared missing = no", "9 registered mobile number = found",
                    "ДҚБ / consent service | 18 consent = GRANTED", "12 delivered to personal cabinet");
            assertThat(row.get("finishedAt")).isNotEmpty();
            Map<String, String> missing = row(json(get(MANAGER, all + "&outcome=EXCLUDED_MISSING_OR_DEAD"))
                    .at("/tables/recipients"), 0);
            assertThat(missing.get("outcomeDetail")).startsWith("6.1");
            assertThat(missing.get("registryAnswers")).contains("6.1 declared missing = yes");
            assertThat(json(get(MANAGER, all + "&outcome=CONSENT_REFUSED")).at("/tables/recipients/rows/0/"
                    + 13).asText()).contains("18 consent = REFUSED");
            csvEqualsJson(all, "recipients");
            assertThat(get(MANAGER, all + "&outcome=NOPE").getStatusCode().value()).isEqualTo(400);
            assertThat(get(MANAGER, "/api/manager/sdu/funnel?from=2026-12-16&to=2026-12-15").getStatusCode().value())
                    .isEqualTo(400);
            assertThat(get(MANAGER, "/api/manager/sdu/funnel?runId=SDU-20991231-000000-0000").getStatusCode().value())
                    .isEqualTo(404);

            refusedToOthers("/api/manager/sdu/funnel?runId=" + runId, "/api/manager/sdu/runs", all);
        } finally {
            // later runs of other tests must neither collect these rows nor start from this run's watermark
            bins.forEach(bin -> jdbc.update("UPDATE legal_entity SET name_changed_at = NULL WHERE bin = ?", bin));
            nameChanges.forEach(id -> jdbc.update("DELETE FROM civil_name_change WHERE id = ?", id));
            jdbc.update("DELETE FROM sdu_run WHERE run_id = ?", runId);
        }
    }

    // ---- complaints -----------------------------------------------------------------------------------------------

    @Test
    void complaintDeadlinesOfAProviderWithTheClockMovedAndTheClosedOnesSearched() {
        String bin = fixtures.newBin(); // a provider of this test alone: its counts are exact
        // Tuesday 3 November 2026 (no day off in November): the head's 5 days end on 10 November, the provider's
        // 3-day forwarding on 6 November
        at("2026-11-03T10:00:00+05:00");
        ComplaintRegistration.Registered h1 = registration.register(complaint(bin, "HEAD_OF_PROVIDER"));
        ComplaintRegistration.Registered h2 = registration.register(complaint(bin, "HEAD_OF_PROVIDER"));
        ComplaintRegistration.Registered h3 = registration.register(complaint(bin, "HEAD_OF_PROVIDER"));
        ComplaintRegistration.Registered r1 = registration.register(complaint(bin, "REVIEWING_BODY"));
        at("2026-11-05T10:00:00+05:00");
        ComplaintRegistration.Registered h4 = registration.register(complaint(bin, "HEAD_OF_PROVIDER")); // due 12 Nov
        at("2026-11-05T14:00:00+05:00");
        decide(h2); // 2 working days
        at("2026-11-10T12:00:00+05:00");
        decide(h3); // 5 working days, within the term
        // the provider's 3-day forwarding of r1 passed on 6 November: its timer fires
        for (int i = 0; i < 20; i++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(r1.processInstanceId())
                    .duedateLowerThan(ClockUtil.getCurrentTime()).list();
            List<Job> messages = managementService.createJobQuery().processInstanceId(r1.processInstanceId())
                    .messages().list();
            List<Job> jobs = new ArrayList<>(due);
            jobs.addAll(messages);
            if (jobs.isEmpty()) {
                break;
            }
            managementService.executeJob(jobs.get(0).getId());
        }

        String deadlines = "/api/manager/complaints/deadlines?providerBin=" + bin;
        JsonNode board = json(get(MANAGER, deadlines));
        // route, open, overdue, due today, within 2 working days, later, forwarding missed
        assertThat(rows(board.at("/tables/byRoute"))).containsExactly(
                List.of("HEAD_OF_PROVIDER", "2", "0", "1", "1", "0", "0"),
                List.of("REVIEWING_BODY", "1", "1", "0", "0", "0", "1"),
                List.of("ALL", "3", "1", "1", "1", "0", "1"));
        assertThat(rows(board.at("/tables/byProvider"))).containsExactly(
                List.of(bin, "3", "1", "1", "1", "0", "1"),
                List.of("ALL", "3", "1", "1", "1", "0", "1"));
        csvEqualsJson(deadlines, "byRoute");
        csvEqualsJson(deadlines, "byProvider");

        at("2026-11-11T10:00:00+05:00");
        decide(h1); // 6 working days, past the term
        board = json(get(MANAGER, deadlines));
        // route, decided, median, 90th percentile, past the term: 2, 5, 6 working days
        assertThat(rows(board.at("/tables/decisionTime"))).containsExactly(
                List.of("HEAD_OF_PROVIDER", "3", "5", "6", "1"),
                List.of("REVIEWING_BODY", "0", "", "", "0"),
                List.of("ALL", "3", "5", "6", "1"));
        csvEqualsJson(deadlines, "decisionTime");

        String closed = "/api/manager/complaints/closed?providerBin=" + bin;
        int auditedBefore = audited(MANAGER);
        ResponseEntity<String> found = get(MANAGER, closed);
        JsonNode table = json(found).at("/tables/closed");
        assertThat(table.at("/rows").size()).isEqualTo(3);
        assertThat(audited(MANAGER) - auditedBefore).isEqualTo(1); // one applicant, three complaints
        assertThat(found.getBody()).doesNotContain(subject).contains(IdentificationNumbers.mask(subject))
                .doesNotContain("Test Applicant").doesNotContain("+77011234567");
        Map<String, String> one = row(json(get(MANAGER, closed + "&complaintId=" + h2.complaintId()))
                .at("/tables/closed"), 0);
        assertThat(one).containsEntry("complaintId", h2.complaintId()).containsEntry("workingDaysToDecision", "2")
                .containsEntry("withinTerm", "true").containsEntry("decision", "REJECTED");
        csvEqualsJson(closed, "closed");
        assertThat(get(MANAGER, closed + "&route=SIDEWAYS").getStatusCode().value()).isEqualTo(400);

        refusedToOthers(deadlines, closed);
    }

    // ---- consent and disclosure -----------------------------------------------------------------------------------

    @Test
    void consentAndDisclosureCountsMoveByWhatWasRecorded() {
        JsonNode before = json(get(MANAGER, "/api/manager/consent"));
        String granted = consentEvents("REQUESTED", "GRANTED");
        consentEvents("REQUESTED");
        consentEvents("REQUESTED", "REFUSED");
        consentEvents("REQUESTED", "GRANTED", "REVOCATION_REFUSED");
        consentEvents("REVOKED"); // a revocation event alone does not change where the requests stand
        jdbc.update("INSERT INTO consent_event (event_key, consent_id, event_type, subject_iin, respondent_ground,"
                + " operator_bin, requester_kind, purpose, categories, medical_secrecy, channel, occurred_at, recorded_by)"
                + " VALUES (?, ?, 'REVOKED', ?, 'SUBJECT', '150340001236', 'OPERATOR', 'test', 'NAME',"
                + " FALSE, 'DQB_STATE_SERVICE', ?, 'test')", granted + ":REVOKED", granted, subject, now());
        String ground3 = disclosure("GROUND_3", "RECEIVED", "CONFIRMED", true);
        String ground1 = disclosure("GROUND_1", "RELEASED", "CONFIRMED", false);
        JsonNode after = json(get(MANAGER, "/api/manager/consent"));
        assertThat(delta(before, after, "consentRequests")).containsEntry("REQUESTED", 1L).containsEntry("GRANTED", 2L)
                .containsEntry("REFUSED", 1L).containsEntry("EXPIRED", 0L).containsEntry("ALL", 4L);
        assertThat(delta(before, after, "revocations")).containsEntry("REVOKED", 2L)
                .containsEntry("REVOCATION_REFUSED", 1L);
        assertThat(after.at("/tables/fourEyesWaiting/rows/0/0").asLong()
                - before.at("/tables/fourEyesWaiting/rows/0/0").asLong()).isEqualTo(1L);
        Map<String, Long> ground3Delta = new LinkedHashMap<>();
        for (JsonNode r : after.at("/tables/disclosuresByGround/rows")) {
            if (r.get(0).asText().equals("GROUND_3")) {
                ground3Delta.put("open", r.get(2).asLong());
            }
        }
        assertThat(ground3Delta.get("open")).isPositive();
        for (String t : List.of("consentRequests", "revocations", "disclosuresByGround", "fourEyesWaiting")) {
            csvEqualsJson("/api/manager/consent", t);
        }
        // leave no waiting approval behind
        jdbc.update("DELETE FROM disclosure_request WHERE id IN (?, ?)", ground3, ground1);
        refusedToOthers("/api/manager/consent");
    }

    // ---- incidents --------------------------------------------------------------------------------------------

    @Test
    void anIncidentIsNamedByItsProcessActivityAndOutsideSystemWithACockpitLink() {
        Person p = fixtures.person();
        String bk = fixtures.offer(p, "Ақ Бұлақ ЖШС");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bk).singleResult();
        try {
            personRegistry.failNext(100);
            for (int i = 0; i < 3; i++) {
                Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the registry is down: the retry cycle counts down, then an incident
                }
            }
            assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
            ResponseEntity<String> answer = get(MANAGER, "/api/manager/incidents");
            JsonNode table = json(answer).at("/tables/incidents");
            Map<String, String> row = null;
            for (int i = 0; i < table.at("/rows").size(); i++) {
                Map<String, String> r = row(table, i);
                if ("sdu-reissuance-recipient".equals(r.get("process")) && "Task_CheckMissingOrDead".equals(r.get("activityId"))) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("outsideSystem")).isEqualTo("person registry, civil registry");
            assertThat(Long.parseLong(row.get("incidents"))).isPositive();
            assertThat(row.get("cockpitLink")).startsWith("/camunda/app/cockpit/default/#/process-definition/")
                    .contains(pi.getProcessDefinitionId()).endsWith("/runtime?tab=incidents-tab");
            assertThat(answer.getBody()).doesNotContain(p.iin()).doesNotContain("unreachable");
            csvEqualsJson("/api/manager/incidents", "incidents");
            refusedToOthers("/api/manager/incidents");
        } finally {
            runtimeService.deleteProcessInstance(pi.getId(), "test cleanup");
        }
    }

    // ---- the Cockpit session ----------------------------------------------------------------------------------

    @Test
    void aCockpitSessionReadsTheManagersEndpointsAndNothingElse() {
        String cookie = cockpitSession(MANAGER);
        assertThat(withCookie(cookie, HttpMethod.GET, "/api/manager/consent").getStatusCode().value()).isEqualTo(200);
        assertThat(withCookie(cookie, HttpMethod.GET, "/api/manager/incidents?format=csv").getHeaders()
                .getContentType().toString()).startsWith("text/csv");
        // outside the managers' read endpoints, and any write, the session is no credential
        assertThat(withCookie(cookie, HttpMethod.GET, "/api/complaints/stats").getStatusCode().value()).isEqualTo(401);
        assertThat(withCookie(cookie, HttpMethod.POST, "/api/manager/consent").getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> forged = withCookie("JSESSIONID=forged", HttpMethod.GET, "/api/manager/consent");
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        HttpHeaders script = new HttpHeaders();
        script.add(HttpHeaders.COOKIE, "JSESSIONID=forged");
        script.add("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> scripted = http.exchange("/api/manager/consent", HttpMethod.GET, new HttpEntity<>(script),
                String.class);
        assertThat(scripted.getStatusCode().value()).isEqualTo(401);
        assertThat(scripted.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as("no login prompt for a script").isNull();
        // a specialist's Cockpit session is a specialist's: refused
        String specialist = cockpitSession("mv-specialist");
        assertThat(withCookie(specialist, HttpMethod.GET, "/api/manager/consent").getStatusCode().value()).isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The applicant, consent subject and patient of this test alone (others count their own by IIN). */
    String subject;

    private void user(String id, String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User u = identityService.newUser(id);
            u.setPassword(PASSWORD);
            identityService.saveUser(u);
            identityService.createMembership(id, group);
        }
    }

    private String organisation(String headIin, boolean withPermit, Instant changedAt) {
        String bin = fixtures.newBin();
        jdbc.update("INSERT INTO legal_entity (bin, name, previous_name, name_changed_at, first_head_iin)"
                + " VALUES (?, 'Жаңа Атау ЖШС', 'Old name LLP', ?, ?)", bin, Timestamp.from(changedAt), headIin);
        if (withPermit) {
            fixtures.permit(bin, "ORGANISATION", 2, "Old name LLP");
        }
        return bin;
    }

    private long nameChange(String iin, Instant changedAt) {
        jdbc.update("INSERT INTO civil_name_change (iin, previous_full_name, new_full_name, changed_at)"
                + " VALUES (?, 'Ескі Есім', 'Тестов Ерлан', ?)", iin, Timestamp.from(changedAt));
        return jdbc.queryForObject("SELECT MAX(id) FROM civil_name_change WHERE iin = ?", Long.class, iin);
    }

    /** The run's continuations (and its consent sub-processes'), one by one, as the executor would. */
    private void runJobs(String runId) {
        for (int i = 0; i < 500; i++) {
            List<Job> jobs = new ArrayList<>();
            for (ProcessInstance pi : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(runId + ":%").list()) {
                jobs.addAll(managementService.createJobQuery().processInstanceId(pi.getId()).messages().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("the run keeps creating jobs");
    }

    private List<Job> timers(String runId) {
        List<Job> jobs = new ArrayList<>();
        for (ProcessInstance pi : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(runId + ":%").list()) {
            jobs.addAll(managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                    .duedateLowerThan(ClockUtil.getCurrentTime()).list());
        }
        return jobs;
    }

    private ResponseEntity<String> reply(String from, String text) {
        return http.exchange("/api/sms/inbound", HttpMethod.POST, SignedGatewayRequest.entity(SduFixtures.GATEWAY_SECRET,
                Map.of("from", from, "text", text, "receivedAt", ClockUtil.now().toInstant().toString())), String.class);
    }

    private static void at(String isoOffsetDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant()));
    }

    private ComplaintRequest complaint(String bin, String addressee) {
        return new ComplaintRequest(subject, "Test Applicant", "+77011234567", null, "2", bin, "DECISION",
                "Refusal to issue the sanitary-epidemiological conclusion", "Issue the conclusion", List.of(),
                addressee, "REVIEWING_BODY".equals(addressee) ? "AUTHORISED_BODY" : null, null);
    }

    private void decide(ComplaintRegistration.Registered complaint) {
        String taskId = taskService.createTaskQuery().processInstanceId(complaint.processInstanceId())
                .taskDefinitionKey(ComplaintProcess.TASK_REVIEW_BY_PROVIDER).singleResult().getId();
        taskService.complete(taskId, Map.of(ComplaintProcess.DECISION, "REJECTED",
                ComplaintProcess.DECISION_REASONS, "the conclusion was refused on the law's grounds"));
    }

    private String consentEvents(String... types) {
        String consentId = java.util.UUID.randomUUID().toString();
        for (String type : types) {
            jdbc.update("INSERT INTO consent_event (event_key, consent_id, event_type, subject_iin, respondent_ground,"
                    + " operator_bin, requester_kind, purpose, categories, medical_secrecy, channel, occurred_at,"
                    + " recorded_by) VALUES (?, ?, ?, ?, 'SUBJECT', '150340001236', 'OPERATOR', 'test',"
                    + " 'NAME', FALSE, 'DQB_STATE_SERVICE', ?, 'test')", consentId + ":" + type, consentId, type, subject,
                    now());
        }
        return consentId;
    }

    private String disclosure(String ground, String status, String review, boolean fourEyes) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO disclosure_request (id, received_at, requester_kind, requester_name, requester_capacity,"
                + " patient_iin, categories_requested, purpose_kind, purpose, document_kind, proposed_ground, status,"
                + " review_decision, reviewed_at, second_approval_required) VALUES (?, ?, 'COURT', 'A court',"
                + " 'judge', ?, 'DIAGNOSIS', 'COURT_PROCEEDINGS', 'a case', 'COURT_REQUEST', ?, ?, ?, ?, ?)",
                id, now(), subject, ground, status, review, now(), fourEyes);
        return id;
    }

    private static Timestamp now() {
        return Timestamp.from(ClockUtil.now().toInstant());
    }

    private int audited(String reader) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_read WHERE reader = ?", Integer.class, reader);
    }

    private ResponseEntity<String> get(String userId, String path) {
        return http.withBasicAuth(userId, PASSWORD).getForEntity(path, String.class);
    }

    private void refusedToOthers(String... paths) {
        for (String path : paths) {
            for (String other : OTHERS.keySet()) {
                ResponseEntity<String> answer = get(other, path);
                assertThat(answer.getStatusCode().value()).as(other + " " + path).isEqualTo(403);
                assertThat(answer.getBody()).doesNotContain("rows");
            }
            assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as("anonymous " + path)
                    .isEqualTo(401);
        }
    }

    /** The CSV of a table (by ?format=csv and by Accept: text/csv) has the JSON's columns and cells. */
    private void csvEqualsJson(String path, String table) {
        JsonNode t = json(get(MANAGER, path)).at("/tables/" + table);
        List<List<String>> expected = new ArrayList<>();
        List<String> header = new ArrayList<>();
        t.get("columns").forEach(c -> header.add(c.asText()));
        expected.add(header);
        expected.addAll(rows(t).stream().map(r -> r.stream().map(ManagerViewApiTest::csvText).toList()).toList());
        String sep = path.contains("?") ? "&" : "?";
        ResponseEntity<String> byFormat = get(MANAGER, path + sep + "format=csv&table=" + table);
        assertThat(byFormat.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(parseCsv(byFormat.getBody())).as(table).isEqualTo(expected);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> byAccept = http.withBasicAuth(MANAGER, PASSWORD).exchange(path + sep + "table=" + table,
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(byAccept.getBody()).isEqualTo(byFormat.getBody());
    }

    /** What a JSON cell becomes in the CSV (a text that looks like a formula gets a leading apostrophe). */
    private static String csvText(String jsonText) {
        return jsonText.isEmpty() || !"=+-@\t\r".contains(jsonText.substring(0, 1)) ? jsonText : "'" + jsonText;
    }

    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : table.get("rows")) {
            List<String> row = new ArrayList<>();
            r.forEach(c -> row.add(c.isNull() ? "" : c.asText()));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> row(JsonNode table, int index) {
        Map<String, String> row = new LinkedHashMap<>();
        JsonNode r = table.get("rows").get(index);
        for (int i = 0; i < table.get("columns").size(); i++) {
            row.put(table.get("columns").get(i).asText(), r.get(i).isNull() ? "" : r.get(i).asText());
        }
        return row;
    }

    private static Map<String, Long> steps(JsonNode funnel) {
        Map<String, Long> steps = new LinkedHashMap<>();
        funnel.get("rows").forEach(r -> steps.put(r.get(0).asText(), r.get(1).isNull() ? null : r.get(1).asLong()));
        return steps;
    }

    private static Map<String, Long> delta(JsonNode before, JsonNode after, String table) {
        Map<String, Long> was = new LinkedHashMap<>();
        before.at("/tables/" + table + "/rows").forEach(r -> was.put(r.get(0).asText(), r.get(1).asLong()));
        Map<String, Long> delta = new LinkedHashMap<>();
        after.at("/tables/" + table + "/rows").forEach(r -> delta.put(r.get(0).asText(),
                r.get(1).asLong() - was.getOrDefault(r.get(0).asText(), 0L)));
        return delta;
    }

    private static JsonNode json(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(answer.getBody(), e);
        }
    }

    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    /** Signs in to Cockpit as its login page does; the session's cookies. */
    private String cockpitSession(String userId) {
        List<String> cookies = http.getForEntity("/camunda/app/cockpit/default/", String.class).getHeaders()
                .get(HttpHeaders.SET_COOKIE);
        String cookieHeader = cookieHeader(cookies);
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String token = xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", PASSWORD);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader);
        headers.add("X-XSRF-TOKEN", token);
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
        List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
        return renewed == null ? cookieHeader : cookieHeader(renewed);
    }

    private static String cookieHeader(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    }

    private ResponseEntity<String> withCookie(String cookie, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }
}
