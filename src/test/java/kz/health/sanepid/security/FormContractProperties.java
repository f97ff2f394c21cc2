package kz.health.sanepid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.ComplaintRegistration;
import kz.health.sanepid.complaint.ComplaintRequest;
import kz.health.sanepid.consent.ConsentObligations;
import kz.health.sanepid.consent.ConsentProcess;
import kz.health.sanepid.consent.ConsentRevocations;
import kz.health.sanepid.disclosure.DisclosureProcess;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.professionalregister.ProfessionalRegisterProcess;
import kz.health.sanepid.professionalregister.RegisterFixtures;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.security.SecurityTestUsers.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Property-based (issue 14): every officer's task of the complaint, disclosure, consent and professional-register
 * processes is completed over
 * {@code /engine-rest} with random extra variables (among them the names later gateways and delegates rely on) and
 * random values for each field its form declares. Never a 5xx; a submission outside the form's contract (a key the
 * form does not declare, a read-only field changed, a choice outside its list, a wrong type, a text over its
 * maxLength) is refused with 400 and changes nothing; a completion that goes through changed no read-only field.
 * The oracle below is written from the forms' rules, independently of {@link FormContract}'s code. Runs against its
 * own application context (as {@link HostileInputProperties} does), its engine named in the REST path.
 */
class FormContractProperties {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> EXTRA_NAMES = List.of("secondApprovalRequired", "reviewedBy", "releasableCategories",
            "allowedCategories", "proposedGround", "groundConfirmed", "disclosureId", "complaintId", "consentOutcome",
            "route", "approvedBy", "providerBin", "x", "decisionKind", "forwardingDeadlineMissed");

    /** The HR specialist of {@link #EMPLOYER} (order No. 66 item 9): not one of the role users of the matrix. */
    static final String HR_SPECIALIST = "prop-hr";
    static final String EMPLOYER = "180540000012";

    static ConfigurableApplicationContext context;
    static HttpClient client;
    static String base;
    static int serial;

    /** A user task, how to bring an instance to it, and who works it. */
    enum Kind {
        COMPLAINT_PROVIDER_REVIEW(ComplaintProcess.TASK_REVIEW_BY_PROVIDER, Role.PROVIDER),
        COMPLAINT_FIRST_REVIEW(ComplaintProcess.TASK_FIRST_REVIEW, Role.PROVIDER),
        COMPLAINT_REVIEWING_BODY_DECISION(ComplaintProcess.TASK_REVIEWING_BODY_DECISION, Role.REVIEWER),
        DISCLOSURE_REVIEW_GROUND(DisclosureProcess.TASK_REVIEW_GROUND, Role.DPO),
        DISCLOSURE_SECOND_APPROVAL(DisclosureProcess.TASK_SECOND_APPROVAL, Role.DPO),
        CONSENT_CONFIRM_LEGAL_GROUND("Task_ConfirmLegalGround", Role.DPO),
        CONSENT_REVIEW_REVOCATION("Task_ReviewRevocation", Role.DPO),
        PROFESSIONAL_REGISTER_UPDATE(ProfessionalRegisterProcess.TASK_UPDATE_REGISTER, HR_SPECIALIST);

        final String activityId;
        final String worker;

        Kind(String activityId, Role worker) {
            this(activityId, worker.userId);
        }

        Kind(String activityId, String worker) {
            this.activityId = activityId;
            this.worker = worker;
        }
    }

    static OwnApplication application;

    @BeforeContainer
    static void start() {
        application = OwnApplication.start("formContract", "form-contract");
        context = application.context();
        base = application.base();
        client = application.client();
        IdentityService identity = context.getBean(IdentityService.class);
        var firstOfficer = identity.newUser("prop-first-officer");
        firstOfficer.setPassword(SecurityTestUsers.PASSWORD);
        identity.saveUser(firstOfficer);
        identity.createMembership("prop-first-officer", Roles.DATA_PROTECTION_OFFICERS);
        var hr = identity.newUser(HR_SPECIALIST);
        hr.setPassword(SecurityTestUsers.PASSWORD);
        identity.saveUser(hr);
        context.getBean(HrSpecialists.class).enrol(HR_SPECIALIST, EMPLOYER);
    }

    @AfterContainer
    static void stop() {
        OwnApplication.stop(application);
    }

    @Property(tries = 48)
    void completingATaskNeverChangesStateOutsideItsForm(@ForAll("kinds") Kind kind, @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        Task task = bringTo(kind);
        FormContract contract = contractOf(task);
        Map<String, Object> before = variables(task.getProcessInstanceId());

        Map<String, Map<String, Object>> submitted = new LinkedHashMap<>();
        for (FormContract.Field field : contract.fields()) {
            if (random.nextInt(4) > 0) {
                submitted.put(field.key(), randomValue(field, before.get(field.key()), random));
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String name = EXTRA_NAMES.get(random.nextInt(EXTRA_NAMES.size()));
            submitted.put(name, random.nextBoolean() ? typed("forged-" + random.nextInt(100), "String")
                    : typed(random.nextBoolean(), "Boolean"));
        }
        boolean outside = outsideTheContract(contract, submitted, before);

        HttpResponse<String> answer = complete(kind.worker, task.getId(), submitted);
        String what = kind + " " + submitted + " -> " + answer.statusCode() + " " + answer.body();
        assertThat(answer.statusCode()).as(what).isLessThan(500);
        boolean completed = answer.statusCode() == 204;
        if (outside) {
            assertThat(answer.statusCode()).as(what).isEqualTo(400);
        }
        if (!completed) {
            assertThat(answer.statusCode()).as(what).isEqualTo(400);
            assertThat(context.getBean(TaskService.class).createTaskQuery().taskId(task.getId()).count())
                    .as("the task stays open: " + what).isEqualTo(1);
            assertThat(variables(task.getProcessInstanceId())).as("nothing changed: " + what).isEqualTo(before);
        } else {
            Map<String, Object> after = variables(task.getProcessInstanceId());
            for (FormContract.Field field : contract.fields()) {
                if (field.readOnly() && after.containsKey(field.key())) {
                    assertThat(String.valueOf(after.get(field.key()))).as("read-only %s: %s", field.key(), what)
                            .isEqualTo(String.valueOf(before.get(field.key())));
                }
            }
            for (String extra : submitted.keySet()) {
                assertThat(contract.keys()).as("only the form's keys go through: " + what).contains(extra);
            }
        }
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(Kind.class);
    }

    /** The forms' rules, read from the field definitions, as a person reading the .form file would apply them. */
    static boolean outsideTheContract(FormContract contract, Map<String, Map<String, Object>> submitted,
                                      Map<String, Object> current) {
        Map<String, FormContract.Field> fields = new LinkedHashMap<>();
        contract.fields().forEach(f -> fields.put(f.key(), f));
        for (Map.Entry<String, Map<String, Object>> entry : submitted.entrySet()) {
            FormContract.Field field = fields.get(entry.getKey());
            Object value = entry.getValue().get("value");
            if (field == null) {
                return true;
            }
            if (value == null) {
                continue;
            }
            if (field.readOnly()) {
                if (!String.valueOf(value).equals(String.valueOf(current.get(field.key())))) {
                    return true;
                }
                continue;
            }
            switch (field.type()) {
                case "radio", "select" -> {
                    if (!field.values().contains(value)) {
                        return true;
                    }
                }
                case "checkbox" -> {
                    if (!(value instanceof Boolean)) {
                        return true;
                    }
                }
                default -> {
                    if (!(value instanceof String text) || field.maxLength() != null
                            && text.length() > field.maxLength()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Map<String, Object> randomValue(FormContract.Field field, Object current, Random random) {
        int pick = random.nextInt(6);
        if (field.readOnly()) {
            return pick < 3 && current != null ? typed(current, current instanceof Boolean ? "Boolean" : "String")
                    : typed("changed-" + random.nextInt(1000), "String");
        }
        switch (field.type()) {
            case "radio", "select" -> {
                if (pick < 4) {
                    return typed(field.values().get(random.nextInt(field.values().size())), "String");
                }
                return pick == 4 ? typed("NOT_A_CHOICE", "String") : typed(null, "String");
            }
            case "checkbox" -> {
                return pick < 5 ? typed(random.nextBoolean(), "Boolean") : typed("yes", "String");
            }
            default -> {
                if (pick == 0) {
                    return typed(random.nextInt(), "Integer");
                }
                int length = pick == 1 ? 1001 + random.nextInt(200) : random.nextInt(40);
                StringBuilder text = new StringBuilder();
                String alphabet = "abcXYZ 0123456789әқңөұүһі<>'\";-";
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return typed(text.toString(), "String");
            }
        }
    }

    static Map<String, Object> typed(Object value, String type) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        typed.put("type", type);
        return typed;
    }

    // ---- fixtures: a fresh instance at the task, by the application's own Java API

    static Task bringTo(Kind kind) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        ComplaintRegistration registration = context.getBean(ComplaintRegistration.class);
        String pi;
        switch (kind) {
            case COMPLAINT_PROVIDER_REVIEW -> pi = registration.register(complaint("HEAD_OF_PROVIDER")).processInstanceId();
            case COMPLAINT_FIRST_REVIEW -> pi = registration.register(complaint("REVIEWING_BODY")).processInstanceId();
            case COMPLAINT_REVIEWING_BODY_DECISION -> {
                pi = registration.register(complaint("REVIEWING_BODY")).processInstanceId();
                tasks.complete(task(pi, ComplaintProcess.TASK_FIRST_REVIEW).getId(), Map.of(
                        ComplaintProcess.PROVIDER_ACTION, ComplaintProcess.ACTION_FORWARD,
                        ComplaintProcess.CASE_DOCUMENTS, "application.pdf"));
            }
            case CONSENT_CONFIRM_LEGAL_GROUND -> pi = runtime.startProcessInstanceByKey(ConsentProcess.PROCESS_ID,
                    consentRequest(person(), "STATE_STATISTICS")).getId();
            case CONSENT_REVIEW_REVOCATION -> pi = revocationUnderReview();
            case PROFESSIONAL_REGISTER_UPDATE -> {
                pi = context.getBean(RegisterFixtures.class).reissuedCertificate(EMPLOYER).processInstanceId();
                ManagementService management = context.getBean(ManagementService.class);
                management.createJobQuery().processInstanceId(pi).messages().executable().list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
            default -> {
                ProcessInstance instance = runtime.startProcessInstanceByKey(DisclosureProcess.PROCESS_ID,
                        Variables.createVariables()
                                .putValue(DisclosureProcess.REQUESTER_KIND, "INVESTIGATION_BODY")
                                .putValue(DisclosureProcess.REQUESTER_NAME, "Synthetic investigator")
                                .putValue(DisclosureProcess.REQUESTER_CAPACITY, "investigator in case No. 17")
                                .putValue(DisclosureProcess.PATIENT_IIN, iin())
                                .putValue(DisclosureProcess.REQUESTED_CATEGORIES, "FACT_OF_CARE,DIAGNOSIS,EXAMINATION_TREATMENT")
                                .putValue(DisclosureProcess.PURPOSE_KIND, "HARM_BY_UNLAWFUL_ACTS")
                                .putValue(DisclosureProcess.PURPOSE, "criminal case")
                                .putValue(DisclosureProcess.DOCUMENT_KIND, "INVESTIGATOR_REQUEST")
                                .putValue(DisclosureProcess.DOCUMENT_REF, "No. 17 of 2026-03-20"));
                pi = instance.getId();
                if (kind == Kind.DISCLOSURE_SECOND_APPROVAL) {
                    Task review = task(pi, DisclosureProcess.TASK_REVIEW_GROUND);
                    tasks.claim(review.getId(), "prop-first-officer");
                    tasks.complete(review.getId(), Map.of(DisclosureProcess.REVIEW_DECISION, DisclosureProcess.CONFIRMED));
                }
            }
        }
        Task task = task(pi, kind.activityId);
        assertThat(task).as("fixture at " + kind.activityId).isNotNull();
        tasks.claim(task.getId(), kind.worker);
        return task;
    }

    /** A person in the registry (the consent process looks the subject up), adult and capable. */
    static String person() {
        return context.getBean(SduFixtures.class).person().iin();
    }

    static Map<String, Object> consentRequest(String subjectIin, String requesterKind) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(ConsentProcess.SUBJECT_IIN, subjectIin);
        vars.put(ConsentProcess.OPERATOR_BIN, "040540000014");
        vars.put(ConsentProcess.PURPOSE, "form contract property " + java.util.UUID.randomUUID());
        vars.put(ConsentProcess.DATA_CATEGORIES, "NAME,CONTACTS");
        vars.put(ConsentProcess.REQUESTER_KIND, requesterKind);
        vars.put(ConsentProcess.CHANNEL, "STATE_SERVICE");
        return vars;
    }

    /**
     * A granted consent whose subject still has an unfulfilled obligation towards the operator, and its revocation
     * started as the consent API starts it: the revocation waits for the officer's review.
     */
    static String revocationUnderReview() {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        ManagementService management = context.getBean(ManagementService.class);
        String subject = person();
        String consentPi = runtime.startProcessInstanceByKey(ConsentProcess.PROCESS_ID,
                consentRequest(subject, "OPERATOR")).getId();
        for (int round = 0; round < 10; round++) {
            management.createJobQuery().processInstanceId(consentPi).messages().executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        String consentId = (String) context.getBean(HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(consentPi).variableName(ConsentProcess.CONSENT_RECORD_ID).singleResult().getValue();
        context.getBean(ConsentObligations.class).register(subject, "040540000014",
                ConsentObligations.Kind.UNFULFILLED_OBLIGATION, "синтетикалық міндеттеме / синтетическое обязательство",
                null);
        context.getBean(ConsentRevocations.class).revocable(consentId, subject);
        return runtime.startProcessInstanceByKey(ConsentProcess.REVOCATION_PROCESS_ID, consentId,
                Variables.createVariables().putValue(ConsentProcess.CONSENT_RECORD_ID, consentId)
                        .putValue(ConsentProcess.SUBJECT_IIN, subject)
                        .putValue(ConsentProcess.REVOCATION_CHANNEL, "WRITTEN")
                        .putValue(ConsentProcess.REVOCATION_REASON, "келісімімді қайтарамын")).getId();
    }

    static Task task(String pi, String activityId) {
        return context.getBean(TaskService.class).createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(activityId).singleResult();
    }

    static ComplaintRequest complaint(String addressee) {
        return new ComplaintRequest(iin(), "Synthetic Applicant", "+77080000001", null, "2", "150340001236",
                "DECISION", "Refusal to issue the conclusion", "Issue the conclusion", List.of("refusal.pdf"),
                addressee, "REVIEWING_BODY".equals(addressee) ? "AUTHORISED_BODY" : null, null);
    }

    static synchronized String iin() {
        while (true) {
            String candidate = IdentificationNumbers.withCheckDigit(String.format("9103153%04d", serial++ % 10000));
            if (candidate != null && IdentificationNumbers.isValidIin(candidate)) {
                return candidate;
            }
        }
    }

    static FormContract contractOf(Task task) {
        RepositoryService repository = context.getBean(RepositoryService.class);
        String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        String formId = context.getBean(TaskService.class).createTaskQuery().taskId(task.getId())
                .initializeFormKeys().singleResult().getCamundaFormRef().getKey();
        for (Resource resource : repository.getDeploymentResources(deploymentId)) {
            if (resource.getName().endsWith(".form")) {
                byte[] bytes = readAll(repository, deploymentId, resource.getName());
                if (Objects.equals(FormContract.idOf(bytes), formId)) {
                    return FormContract.parse(bytes);
                }
            }
        }
        throw new IllegalStateException("no form for " + task.getTaskDefinitionKey());
    }

    static byte[] readAll(RepositoryService repository, String deploymentId, String name) {
        try (var in = repository.getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> variables(String pi) {
        Map<String, Object> all = new java.util.TreeMap<>();
        context.getBean(RuntimeService.class).createVariableInstanceQuery().processInstanceIdIn(pi).list()
                .forEach(v -> all.put(v.getName() + "@" + (v.getTaskId() == null ? "" : "task"),
                        String.valueOf(v.getValue())));
        Map<String, Object> byName = new LinkedHashMap<>();
        all.forEach((k, v) -> byName.putIfAbsent(k.substring(0, k.indexOf('@')), v));
        return byName;
    }

    static HttpResponse<String> complete(String userId, String taskId, Map<String, Map<String, Object>> variables)
            throws Exception {
        String auth = Base64.getEncoder().encodeToString((userId + ":" + SecurityTestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/engine/formContract/task/" + taskId + "/complete"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables))))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
