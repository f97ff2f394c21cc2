package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.registry.civil.CivilRegistry;
import kz.health.sanepid.registry.person.PersonRegistry;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import kz.health.sanepid.synthetic.ExpectedOutcome;
import kz.health.sanepid.synthetic.GeneratedPopulation;
import kz.health.sanepid.synthetic.GeneratorSpec;
import kz.health.sanepid.synthetic.SyntheticRegistries;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SDU flow (about 50 generated recipients: run over the API, every job, SMS replies including an invalid one and
 * an unknown number) and the complaint flow run while every log line is captured through the project's own masking
 * encoder (the CONSOLE appender's, from logback-spring.xml: text lines here, JSON lines in the subclass
 * {@link PersonalDataInJsonLogsTest}), with the engine's SQL logged at DEBUG so that parameters
 * holding IINs, phones and names do pass through the logs. No generated IIN, no phone number in any spelling and no
 * generated person's full name may reach a formatted line; API error bodies hold none of them and no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataInLogsTest {

    static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    static final List<String> VERBOSE = List.of("kz.health.sanepid", "org.camunda.bpm.engine.impl.persistence.entity",
            "org.camunda.bpm.engine.cmd", "org.camunda.bpm.engine.bpmn.behavior", "org.camunda.bpm.engine.jobexecutor");

    @Autowired ProviderOfficers providerOfficers;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired SyntheticRegistries synthetic;
    @Autowired PersonRegistry persons;
    @Autowired CivilRegistry civil;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

    final List<String> formatted = Collections.synchronizedList(new ArrayList<>());
    final List<String> raw = Collections.synchronizedList(new ArrayList<>());
    CapturingAppender appender;
    OutputStreamAppender<ILoggingEvent> console;
    Level rootLevel;
    final java.util.Map<String, Level> levels = new java.util.HashMap<>();

    class CapturingAppender extends AppenderBase<ILoggingEvent> {
        final Encoder<ILoggingEvent> encoder;

        CapturingAppender(Encoder<ILoggingEvent> encoder) {
            this.encoder = encoder;
        }

        @Override
        protected void append(ILoggingEvent event) {
            formatted.add(new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8));
            raw.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        appender = new CapturingAppender(console.getEncoder());
        appender.setContext(context);
        appender.start();
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        for (String name : VERBOSE) {
            levels.put(name, context.getLogger(name).getLevel());
            context.getLogger(name).setLevel(Level.DEBUG);
        }
        root.addAppender(appender);
        // the console keeps its own level: the DEBUG lines go to the capture only
        root.detachAppender(console);
        this.console = console;
        SecurityTestUsers.create(identityService);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void release() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.addAppender(console);
        root.setLevel(rootLevel);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ClockUtil.reset();
    }

    @Test
    void noGeneratedIinPhoneOrNameReachesALogLineOrAnErrorBody() {
        Instant changesFrom = Instant.parse("2026-11-20T00:00:00Z");
        Instant changesTo = Instant.parse("2026-11-30T00:00:00Z");
        GeneratedPopulation population = synthetic.generate(GeneratorSpec.typical(7007L, 36, 14, changesFrom,
                changesTo));
        assertThat(population.recipients().size()).isBetween(35, 80);
        Set<String> iins = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (GeneratedPopulation.Recipient r : population.recipients()) {
            iins.add(r.recipientIin());
            if (IdentificationNumbers.isValidIin(r.holderId())) {
                iins.add(r.holderId());
            }
            if (r.phone() != null) {
                phones.add(r.phone());
            }
        }
        // the generated people's full names as the registries hold them: "surname given name" (also the start of the
        // full name with the patronymic), and the names before and after each generated change of name
        Set<String> names = new LinkedHashSet<>();
        iins.forEach(iin -> persons.find(iin).ifPresent(p -> names.add(p.surname() + " " + p.givenName())));
        civil.nameChangesBetween(changesFrom.minusSeconds(1), changesTo).stream()
                .filter(change -> iins.contains(change.iin()))
                .forEach(change -> names.addAll(List.of(change.previousFullName(), change.newFullName())));
        assertThat(names).hasSizeGreaterThan(20);

        // the SDU flow over the API: a run, all its jobs, replies
        ResponseEntity<Map> run = as(Role.SPECIALIST).postForEntity("/api/sdu/runs",
                Map.of("windowFrom", "2026-01-30"), Map.class);
        assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
        String runId = (String) run.getBody().get("runId");
        String runInstance = jdbc.queryForObject("SELECT process_instance_id FROM sdu_run WHERE run_id = ?",
                String.class, runId);
        drain(runInstance, runId);
        List<GeneratedPopulation.Recipient> offered = population.recipients().stream()
                .filter(r -> r.expected() == ExpectedOutcome.SMS_SENT).toList();
        assertThat(offered).hasSizeGreaterThan(5);
        List<String> bodies = new ArrayList<>();
        bodies.add(sms(offered.get(0).phone(), "1"));
        bodies.add(sms(offered.get(1).phone(), "2"));
        String spaced = offered.get(2).phone();
        bodies.add(sms("8 (" + spaced.substring(2, 5) + ") " + spaced.substring(5, 8) + "-" + spaced.substring(8, 10)
                + "-" + spaced.substring(10), "1"));
        bodies.add(sms(offered.get(3).phone(), "maybe tomorrow"));
        String unknown = "+7707" + String.format("%07d", 9_000_000 + (int) (NOW.getEpochSecond() % 999_999));
        phones.add(unknown);
        bodies.add(sms(unknown, "1"));
        drain(runInstance, runId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sdu_recipient WHERE run_id = ? AND outcome NOT IN"
                + " ('AWAITING_REPLY', 'CANDIDATE', 'STARTED')", Long.class, runId)).isGreaterThanOrEqualTo(
                population.recipients().size() - offered.size() + 2);

        // the complaint flow with a generated applicant
        GeneratedPopulation.Recipient applicant = offered.get(4);
        String applicantName = persons.find(applicant.recipientIin()).orElseThrow().fullName();
        String providerBin = population.recipients().stream()
                .filter(r -> IdentificationNumbers.isValidBin(r.holderId())).findFirst().orElseThrow().holderId();
        providerOfficers.enrol(Role.PROVIDER.userId, providerBin); // the provider's complaints are its group's tasks
        providerOfficers.enrolHead(Role.HEAD.userId, providerBin);
        ResponseEntity<Map> complaint = as(Role.PROVIDER).postForEntity("/api/complaints", Map.of(
                "applicantId", applicant.recipientIin(), "applicantName", applicantName,
                "applicantPhone", applicant.phone(), "serviceCode", "2", "providerBin", providerBin,
                "appealedKind", "DECISION", "appealedText", "Refusal", "demands", "Issue it",
                "attachments", List.of("refusal.pdf"), "addressee", "HEAD_OF_PROVIDER"), Map.class);
        assertThat(complaint.getStatusCode().value()).as(String.valueOf(complaint.getBody())).isEqualTo(201);
        String complaintInstance = (String) complaint.getBody().get("processInstanceId");
        String task = taskService.createTaskQuery().processInstanceId(complaintInstance).singleResult().getId();
        ResponseEntity<String> completed = as(Role.HEAD).postForEntity(engineRest() + "/task/" + task + "/complete",
                Map.of("variables", Map.of(ComplaintProcess.DECISION, Map.of("value", "SATISFIED_IN_FULL"),
                        ComplaintProcess.DECISION_REASONS, Map.of("value", "issued"))), String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        jobs(complaintInstance);

        // refusals: a wrong check digit, a bad query, someone else's consents
        String wrongDigit = applicant.recipientIin().substring(0, 11)
                + (char) ('0' + (applicant.recipientIin().charAt(11) - '0' + 1) % 10);
        bodies.add(as(Role.PROVIDER).postForEntity("/api/complaints", Map.of("applicantId", wrongDigit,
                "applicantPhone", applicant.phone()), String.class).getBody());
        bodies.add(as(Role.DPO).getForEntity("/api/consents?iin=" + wrongDigit, String.class).getBody());
        bodies.add(as(Role.PROVIDER).getForEntity("/api/consents?iin=" + applicant.recipientIin(), String.class).getBody());
        bodies.add(as(Role.DPO).postForEntity("/api/erasure", Map.of("iin", wrongDigit), String.class).getBody());
        iins.add(wrongDigit);

        // the proof that the test can fail: the raw messages did carry the numbers (a copy: background threads log on)
        List<String> raw;
        synchronized (this.raw) {
            raw = new ArrayList<>(this.raw);
        }
        assertThat(raw).anySatisfy(line -> assertThat(iins.stream().anyMatch(line::contains)).isTrue());
        assertThat(raw).anySatisfy(line -> assertThat(phones.stream().anyMatch(p -> line.contains(p.substring(2))))
                .isTrue());
        assertThat(raw).anySatisfy(line -> assertThat(names.stream().anyMatch(line::contains)).isTrue());
        assertThat(formatted.size()).isGreaterThan(1000);
        synchronized (formatted) {
            formatted.forEach(this::assertFormat);
        }
        List<String> leaks = new ArrayList<>();
        synchronized (formatted) {
            for (String line : formatted) {
                String digitsOnly = line.replaceAll("[^0-9]", "");
                iins.stream().filter(line::contains).forEach(iin -> leaks.add("IIN in: " + line));
                phones.stream().map(p -> p.substring(2)).filter(digitsOnly::contains)
                        .forEach(p -> leaks.add("phone in: " + line));
                names.stream().filter(line::contains).forEach(name -> leaks.add("name in: " + line));
            }
        }
        assertThat(leaks).isEmpty();
        for (String body : bodies) {
            assertThat(body).isNotNull().doesNotContain("Exception", "\tat ", "at kz.", "at org.");
            iins.forEach(iin -> assertThat(body).doesNotContain(iin));
            phones.forEach(phone -> assertThat(body).doesNotContain(phone.substring(2)));
            names.forEach(name -> assertThat(body).doesNotContain(name));
        }
    }

    /** A text line of logback-spring.xml's pattern: it starts with the time stamp. */
    void assertFormat(String line) {
        assertThat(line).matches("(?s)20[0-9]{2}-[0-9]{2}-[0-9]{2}T.*");
    }

    String sms(String from, String text) {
        ResponseEntity<String> answer = http.postForEntity("/api/sms/inbound", SignedGatewayRequest.entity(
                SduFixtures.GATEWAY_SECRET, Map.of("from", from, "text", text, "receivedAt", NOW.toString())),
                String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isLessThan(500);
        return answer.getBody();
    }

    /** Every job of the run and of its recipients (and their consent instances), until none is left. */
    void drain(String runInstance, String runId) {
        for (int round = 0; round < 5_000; round++) {
            List<Job> jobs = new ArrayList<>(managementService.createJobQuery().processInstanceId(runInstance)
                    .executable().messages().list());
            if (jobs.isEmpty()) {
                List<String> instances = jdbc.queryForList("SELECT business_key FROM sdu_recipient WHERE run_id = ?",
                        String.class, runId).stream().flatMap(bk -> runtimeService.createProcessInstanceQuery()
                        .processInstanceBusinessKey(bk).list().stream()).map(pi -> pi.getId()).toList();
                for (String id : instances) {
                    jobs.addAll(managementService.createJobQuery().processInstanceId(id).executable().messages().list());
                    runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().forEach(sub ->
                            jobs.addAll(managementService.createJobQuery().processInstanceId(sub.getId()).executable()
                                    .messages().list()));
                }
            }
            if (jobs.isEmpty()) {
                return;
            }
            for (String id : jobs.stream().map(Job::getId).distinct().toList()) {
                if (managementService.createJobQuery().jobId(id).count() > 0) {
                    managementService.executeJob(id);
                }
            }
        }
    }

    void jobs(String processInstanceId) {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
    }

    TestRestTemplate as(Role role) {
        return http.withBasicAuth(role.userId, SecurityTestUsers.PASSWORD);
    }

    /** The root of /engine-rest for this context's engine: the shared test context's engine is "default". */
    String engineRest() {
        return "/engine-rest";
    }
}
