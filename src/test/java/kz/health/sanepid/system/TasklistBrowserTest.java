package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.health.sanepid.complaint.ComplaintProcess;
import kz.health.sanepid.complaint.Complaints;
import kz.health.sanepid.demo.DemoLogins;
import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.reissuance.CollectCandidates;
import kz.health.sanepid.reissuance.SduFixtures;
import kz.health.sanepid.reissuance.SduLedger;
import kz.health.sanepid.reissuance.StartRecipients;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist and Cockpit driven as people use them, in headless Chromium (Debian's chromium and chromium-driver,
 * installed by scripts/install-system-packages.sh): the provider officer registers a complaint through its start
 * form, claims and decides the review task; the manager finds the instance in Cockpit; a Kazakh browser gets the
 * project's Kazakh Tasklist. The engine confirms what the browser did. Screenshots go to target/screenshots/.
 *
 * <p>Runs under {@code mvn verify -Psystem} only (sanepid.system=true); without the profile, or without
 * /usr/bin/chromium or /usr/bin/chromedriver, it is reported skipped. The job executor stays off (test profile),
 * so the asynchronous applicant notice waits as a job the test runs itself and no timer fires meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
@EnabledIf(value = "browserInstalled",
        disabledReason = "/usr/bin/chromium or /usr/bin/chromedriver is missing (scripts/install-system-packages.sh)")
class TasklistBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final DemoLogins.Login PROVIDER = login("provider");
    static final DemoLogins.Login HEAD = login("head");
    static final DemoLogins.Login MANAGER = login("manager");

    static final String KK_LOCALE = "META-INF/resources/webjars/camunda/app/tasklist/locales/kk.json";
    static final String EN_LOCALE = "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json";

    @LocalServerPort
    int port;

    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired Complaints complaints;
    @Autowired SduFixtures sdu;
    @Autowired SduLedger ledger;
    @Autowired CollectCandidates collect;
    @Autowired StartRecipients starter;
    @Autowired JdbcTemplate jdbc;
    @Autowired kz.health.sanepid.complaint.ComplaintRegistration registration;

    WebDriver driver;
    WebDriverWait wait;
    Path profileDir;
    /** What the test is doing, for the name of the screenshot taken when it fails. */
    String step = "start";

    /**
     * Class condition, evaluated before Spring starts the application: without Debian's browser and driver the
     * tests are reported skipped with this reason.
     */
    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void noDriverDownloads() {
        // Selenium Manager must never go to the network for a driver: the Debian one is given explicitly
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            // the test stopped with the browser open: keep what it showed, without hiding the test's own failure
            try {
                screenshot("failed-at-" + step.replaceAll("[^A-Za-z0-9]+", "-"));
            } catch (RuntimeException e) {
                System.err.println("no screenshot of the failure: " + e.getMessage());
            }
        }
        quitBrowser();
    }

    @Test
    void providerRegistersTheHeadDecidesAComplaintAndTheManagerFindsItInCockpit() throws IOException {
        String applicantIin = firstValid("900101300", true);
        String providerBin = DemoLogins.PROVIDER_OF_OFFICER.get(PROVIDER.userId()); // the officer's own provider
        String applicantName = "Браузер Тест Өтініш беруші";
        String appealedText = "Санитариялық-эпидемиологиялық қорытынды беруден бас тарту / Отказ в выдаче заключения";

        // 1. the provider officer logs in to Tasklist
        step = "tasklist login";
        openBrowser(null);
        logIn("tasklist", PROVIDER, "01-tasklist-login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")));

        // 2. starts a complaint from its start form
        step = "start form";
        clickButton(By.cssSelector(".start-process-action a"));
        String processName = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY)
                .latestVersion().singleResult().getName();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-header input[ng-model='page.searchValue']")));
        search.sendKeys(processName.substring(0, 12));
        WebElement processLink = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'modal-body')]//a[normalize-space()=" + xpathLiteral(processName) + "]")));
        processLink.click();
        waitForFormJs("applicantId");
        typeInto("applicantId", applicantIin);
        typeInto("applicantName", applicantName);
        typeInto("applicantPhone", "+77011234567");
        choose("serviceCode", "2. ");
        typeInto("providerBin", providerBin);
        choose("appealedKind", "Шешім / Решение");
        typeInto("appealedText", appealedText);
        typeInto("demands", "Қорытындыны беру / Выдать заключение");
        choose("addressee", "Қызмет беруші басшысына");
        screenshot("02-start-form-filled");
        step = "start form submit";
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count();
        clickButton(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        wait.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                .count() > before);

        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                .variableValueEquals("applicantId", applicantIin).singleResult();
        assertThat(pi).as("the complaint started from the Tasklist start form").isNotNull();
        String businessKey = pi.getBusinessKey();
        assertThat(businessKey).as("the complaint id is the business key").startsWith("CMP-");
        assertThat(runtimeService.getVariable(pi.getId(), "applicantName")).isEqualTo(applicantName);
        assertThat(runtimeService.getVariable(pi.getId(), "providerBin")).isEqualTo(providerBin);
        assertThat(runtimeService.getVariable(pi.getId(), "serviceCode")).isEqualTo("2");
        assertThat(runtimeService.getVariable(pi.getId(), "appealedKind")).isEqualTo("DECISION");
        assertThat(runtimeService.getVariable(pi.getId(), ComplaintProcess.ADDRESSEE)).isEqualTo("HEAD_OF_PROVIDER");
        Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.TASK_REVIEW_BY_PROVIDER);
        assertThat(review.getAssignee()).isNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getStartUserId()).as("started by the signed-in officer").isEqualTo(PROVIDER.userId());

        quitBrowser();

        // 3. the head of the provider (004 App.2 item 19: the complaint is addressed to the head, not decided by
        // the officer who registered it) finds the task in the group's list, claims it, fills and completes its form
        step = "head login";
        openBrowser(null);
        logIn("tasklist", HEAD, "03-tasklist-login-head");
        openReviewTask(review, providerBin);
        step = "claim";
        clickButton(By.cssSelector(".task-card button.claim"));
        wait.until(d -> HEAD.userId().equals(
                taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()));
        step = "task form";
        waitForFormJs("decisionReasons");
        assertThat(fieldValue("complaintId")).as("the form shows the complaint number").isEqualTo(businessKey);
        assertThat(fieldValue("appealedText")).as("the form shows what is appealed").isEqualTo(appealedText);
        assertThat(fieldValue("providerDeadline")).as("the form shows the deadline")
                .isEqualTo(runtimeService.getVariable(pi.getId(), ComplaintProcess.PROVIDER_DEADLINE));
        choose("decision", "Бас тартылды / Отказано");
        String reasons = "Өтініш беруші талаптарға сай емес / Заявитель не соответствует требованиям (браузер)";
        typeInto("decisionReasons", reasons);
        screenshot("03-head-decision-task-form");
        step = "complete";
        clickButton(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-primary')]"));
        wait.until(d -> historyService.createHistoricTaskInstanceQuery().taskId(review.getId()).finished()
                .count() == 1);
        // Tasklist drops the completed task from the list and shows no task
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(review)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
        screenshot("04-review-task-completed");

        // the engine: the instance passed the head's task, claimed and completed by the head
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(review.getId())
                .singleResult();
        assertThat(done.getAssignee()).isEqualTo(HEAD.userId());
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        List<String> passed = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .finished().orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
        assertThat(passed).containsSubsequence("StartEvent_ComplaintReceived", "Task_RegisterComplaint",
                ComplaintProcess.TASK_REVIEW_BY_PROVIDER, "Task_RecordDecision");
        assertThat(runtimeService.getVariable(pi.getId(), ComplaintProcess.DECISION)).isEqualTo("REJECTED");
        assertThat(runtimeService.getVariable(pi.getId(), ComplaintProcess.DECISION_REASONS)).isEqualTo(reasons);
        Complaints.Complaint stored = complaints.find(businessKey).orElseThrow();
        assertThat(stored.decision()).isEqualTo("REJECTED");
        assertThat(stored.decisionReasons()).isEqualTo(reasons);
        assertThat(stored.status()).isEqualTo("CLOSED");
        Job notice = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Task_NotifyApplicant")
                .singleResult();
        assertThat(notice).as("the applicant's notice waits as an asynchronous job").isNotNull();
        quitBrowser();

        // 4. the manager finds the (still running) instance in Cockpit
        step = "cockpit";
        openBrowser(null);
        logIn("cockpit", MANAGER, "05-cockpit-login");
        driver.get(base() + "/camunda/app/cockpit/default/#/process-definition/" + pi.getProcessDefinitionId()
                + "/runtime");
        // the instances table: the complaint's row by its business key, opened through its id link
        String row = "//table//tr[td[normalize-space(.)=" + xpathLiteral(businessKey) + "]]";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(row)));
        screenshot("06-cockpit-process-definition");
        clickButton(By.xpath(row + "//a[normalize-space(.)=" + xpathLiteral(pi.getId()) + "]"));
        wait.until(d -> d.getCurrentUrl().contains("/process-instance/" + pi.getId()));
        // the instance page's information panel
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd.instance-id"), pi.getId()));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd.business-key"), businessKey));
        screenshot("07-cockpit-process-instance");
        quitBrowser();

        // the notices go out (registration, decision) and the case ends
        managementService.createJobQuery().processInstanceId(pi.getId()).messages().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId()).singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo("Event_ComplaintClosed");
    }

    @Test
    void aKazakhBrowserGetsTheProjectsKazakhTasklist() throws IOException {
        String kk = label(KK_LOCALE, "PAGE_LOGIN_SIGN_IN_ACTION");
        String en = label(EN_LOCALE, "PAGE_LOGIN_SIGN_IN_ACTION");
        String kkUser = label(KK_LOCALE, "PAGE_LOGIN_USERNAME");
        assertThat(kk).isNotBlank().isNotEqualTo(en);

        step = "kazakh login page";
        openBrowser("kk");
        assertThat(((JavascriptExecutor) driver).executeScript("return navigator.languages[0]")).isEqualTo("kk");
        driver.get(base() + "/camunda/app/tasklist/");
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] button[type='submit']")));
        wait.until(d -> kk.equals(button.getText().trim()));
        screenshot("08-tasklist-login-kazakh");
        assertThat(button.getText().trim()).isEqualTo(kk).isNotEqualTo(en);
        assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).getDomAttribute("placeholder"))
                .isEqualTo(kkUser);

        // signed in, the header speaks Kazakh too
        step = "kazakh tasklist";
        String kkStart = label(KK_LOCALE, "START_PROCESS");
        assertThat(kkStart).isNotEqualTo(label(EN_LOCALE, "START_PROCESS"));
        logIn("tasklist", PROVIDER, "09-tasklist-login-kazakh-filled");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".start-process-action a"), kkStart));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter h4.name a")));
        screenshot("10-tasklist-kazakh");
        quitBrowser();
    }

    /**
     * Issue 17: a manager with a Russian browser opens the managers' view in Cockpit (the dashboard's box, then
     * #/managers), finds the period's funnel equal to the API's and a run whose draw is known (4 renamed
     * organisations, 3 with a permit and a head: one abroad, one without a phone, one sent the SMS) with exactly
     * those numbers in its funnel.
     */
    @Test
    void aRussianManagerFindsAKnownRunsFunnelInTheManagersView() throws IOException {
        // the draw: its own one-minute window long past, so no demo rename falls in it
        java.time.Instant to = java.time.Instant.parse("2026-03-03T03:04:00Z");
        java.time.Instant changed = to.minusSeconds(30);
        SduFixtures.Person sent = sdu.person();
        SduFixtures.Person abroad = sdu.person(SduFixtures.Flag.ABROAD);
        SduFixtures.Person noPhone = sdu.person(SduFixtures.Flag.NO_PHONE);
        for (String head : new String[] {sent.iin(), abroad.iin(), noPhone.iin(), null}) {
            String bin = sdu.newBin();
            jdbc.update("INSERT INTO legal_entity (bin, name, previous_name, name_changed_at, first_head_iin)"
                    + " VALUES (?, 'Браузер ЖШС', 'Old name LLP', ?, ?)", bin, java.sql.Timestamp.from(changed),
                    head == null ? sent.iin() : head);
            if (head != null) {
                sdu.permit(bin, "ORGANISATION", 2, "Old name LLP");
            }
        }
        String runId = sdu.newRunId();
        ledger.openRun(runId, null, MANAGER.userId(), null);
        collect.collect(runId, to.minusSeconds(60), to);
        starter.startBatch(runId, 10);
        for (int i = 0; i < 200; i++) {
            List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(runId + ":%")
                    .list().stream().flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId())
                            .messages().list().stream()).toList();
            if (jobs.isEmpty()) {
                break;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        Map<String, Long> known = ledger.funnelOfRun(runId);
        assertThat(known).containsEntry("renamedOrganisations", 4L).containsEntry("withPermit", 3L)
                .containsEntry("offers", 3L).containsEntry("excludedAbroad", 1L).containsEntry("noPhone", 1L)
                .containsEntry("smsSent", 1L);

        step = "cockpit dashboard";
        openBrowser("ru");
        logIn("cockpit", MANAGER, "11-cockpit-login-manager");
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".sanepid-managers-dashboard")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".sanepid-managers-dashboard li[data-step='offers'] strong")));
        assertThat(box.findElement(By.tagName("h3")).getText()).isEqualTo("Обзор для руководителя");
        screenshot("12-cockpit-dashboard-managers-box");

        step = "managers view";
        driver.get(base() + "/camunda/app/cockpit/default/#/managers");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.sanepid-funnel-chart")));
        String from = driver.findElement(By.cssSelector("input[name='from']")).getDomProperty("value");
        String until = driver.findElement(By.cssSelector("input[name='to']")).getDomProperty("value");
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        Map<String, Long> period = ledger.funnelOfRunsStartedBetween(
                java.time.LocalDate.parse(from).atStartOfDay(almaty).toInstant(),
                java.time.LocalDate.parse(until).plusDays(1).atStartOfDay(almaty).toInstant());
        for (String step : List.of("offers", "excludedAbroad", "noPhone", "smsSent", "reissued")) {
            assertThat(driver.findElement(By.cssSelector("svg.sanepid-funnel-chart text[data-step='" + step + "']"))
                    .getText()).as(step).isEqualTo(String.valueOf(period.get(step)));
        }
        assertThat(driver.findElement(By.cssSelector(".sanepid-managers h2")).getText())
                .isEqualTo("Обзор для руководителя");
        screenshot("13-cockpit-managers-sdu-period");

        step = "the run";
        clickButton(By.cssSelector("a[data-run='" + runId + "']"));
        By runChart = By.cssSelector("[data-run-id='" + runId + "'] svg.sanepid-funnel-chart");
        wait.until(ExpectedConditions.visibilityOfElementLocated(runChart));
        for (String step : List.of("renamedOrganisations", "withPermit", "withRecipient", "offers", "excludedAbroad",
                "noPhone", "smsSent")) {
            assertThat(driver.findElement(By.cssSelector("[data-run-id='" + runId + "'] svg text[data-step='" + step
                    + "']")).getText()).as(step).isEqualTo(String.valueOf(known.get(step)));
        }
        // its recipients, masked: no IIN in the page
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-run-id='" + runId + "'] [data-table='recipients'] tbody tr")));
        assertThat(driver.getPageSource()).doesNotContain(sent.iin()).doesNotContain(abroad.iin())
                .contains(IdentificationNumbers.mask(sent.iin()));
        screenshot("14-cockpit-managers-run");

        // the complaint board: a complaint to the head registered on Tuesday 3 November 2026 is due on the 10th;
        // with the engine clock on the 12th it is overdue for its provider
        step = "complaint board";
        String providerBin = sdu.newBin();
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    java.time.OffsetDateTime.parse("2026-11-03T10:00:00+05:00").toInstant()));
            registration.register(new kz.health.sanepid.complaint.ComplaintRequest(firstValid("900101301", true),
                    "Браузер Тест", "+77011234567", null, "2", providerBin, "DECISION", "Refusal of the conclusion",
                    "Issue the conclusion", List.of(), "HEAD_OF_PROVIDER", null, null));
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    java.time.OffsetDateTime.parse("2026-11-12T12:00:00+05:00").toInstant()));
            clickButton(By.cssSelector("li[data-tab='complaints'] a"));
            By row = By.xpath("//div[@data-table='byProvider']//tr[td[@data-column='providerBin'][normalize-space(.)="
                    + xpathLiteral(providerBin) + "]]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            WebElement overdue = driver.findElement(row).findElement(By.cssSelector("td[data-column='overdue']"));
            assertThat(overdue.getText()).isEqualTo("1");
            assertThat(driver.findElement(row).findElement(By.cssSelector("td[data-column='open']")).getText())
                    .isEqualTo("1");
            centre(overdue);
            screenshot("15-cockpit-managers-complaint-board");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        quitBrowser();
    }

    /**
     * Issue 17: a manager in a Kazakh and in a Russian browser sees no English label of Cockpit on the dashboard, the
     * managers' view and a process definition's page: no line of the page's visible text is the English text of a
     * Cockpit label whose translation differs, and no line is English words alone (beyond the names and technical
     * tokens below).
     */
    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void aManagerSeesCockpitInTheirLanguageWithoutEnglishLabels(String language) throws IOException {
        Set<String> english = englishOnlyLabels("cockpit", language);
        assertThat(english).as("the English labels Cockpit's " + language + " file translates").hasSizeGreaterThan(1000);
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(kz.health.sanepid.complaint.ComplaintProcess.KEY).latestVersion().singleResult()
                .getId();
        step = language + " cockpit";
        openBrowser(language);
        logIn("cockpit", MANAGER, "16-cockpit-login-" + language);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sanepid-managers-dashboard")));
        noEnglishIn("dashboard", english, "17-cockpit-dashboard-" + language);

        step = language + " managers view";
        driver.get(base() + "/camunda/app/cockpit/default/#/managers");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.sanepid-funnel-chart")));
        noEnglishIn("managers' view", english, "18-cockpit-managers-" + language);

        step = language + " process definition";
        driver.get(base() + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-container svg")));
        noEnglishIn("process definition", english, "19-cockpit-process-definition-" + language);
        quitBrowser();
    }

    /**
     * Issue 17: Tasklist shows each role its own filters only: the specialist the two of their group, the provider
     * officer those of the complaint roles (their role group and their provider's), none of another role's.
     */
    @Test
    void theSpecialistAndTheProviderOfficerSeeTheirOwnFiltersOnly() throws IOException {
        step = "specialist's filters";
        openBrowser("kk");
        logIn("tasklist", login("specialist"), "20-tasklist-login-specialist");
        assertThat(filterNames()).containsExactly(
                kz.health.sanepid.tasklist.RoleFilters.MY_TASKS, kz.health.sanepid.tasklist.RoleFilters.MY_GROUP);
        screenshot("21-tasklist-specialist-filters");
        quitBrowser();

        step = "provider officer's filters";
        openBrowser("kk");
        logIn("tasklist", PROVIDER, "22-tasklist-login-provider");
        List<String> complaintFilters = List.of(kz.health.sanepid.tasklist.RoleFilters.MY_TASKS,
                kz.health.sanepid.tasklist.RoleFilters.MY_GROUP, kz.health.sanepid.tasklist.RoleFilters.DUE_TODAY,
                kz.health.sanepid.tasklist.RoleFilters.OVERDUE);
        List<String> names = filterNames();
        String ownBin = DemoLogins.PROVIDER_OF_OFFICER.get(PROVIDER.userId());
        String otherBin = DemoLogins.PROVIDER_OF_OFFICER.get("provider2");
        assertThat(names).hasSize(8).allSatisfy(name -> assertThat(complaintFilters).anyMatch(name::startsWith))
                .noneMatch(name -> name.contains(otherBin)).noneMatch(name -> name.contains("provider-head"))
                .anyMatch(name -> name.contains(ownBin));
        assertThat(names.stream().filter(name -> !name.contains(ownBin)).toList())
                .containsExactlyElementsOf(complaintFilters);
        screenshot("23-tasklist-provider-filters");
        quitBrowser();
    }

    List<String> filterNames() {
        By names = By.cssSelector(".task-filter h4.name a");
        wait.until(ExpectedConditions.visibilityOfElementLocated(names));
        // the link's own text, without the focused filter's counter badge
        return driver.findElements(names).stream().map(e -> ((String) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
                        + ".map(n => n.textContent).join(' ')", e)).trim().replaceAll("\\s+", " ")).toList();
    }

    /** Names and technical tokens that read the same in every language. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Camunda", "Cockpit", "Camunda Cockpit", "ID", "CSV",
            "JSON", "BPMN", "DMN", "CMMN", "SDU", "Tasklist", "Admin", "Welcome");

    void noEnglishIn(String page, Set<String> english, String shot) {
        // Cockpit renders asynchronously: wait until the visible text stops changing
        String[] last = {""};
        wait.until(d -> {
            String now = (String) ((JavascriptExecutor) d).executeScript("return document.body.innerText");
            boolean settled = now.equals(last[0]) && !now.isBlank();
            last[0] = now;
            return settled;
        });
        screenshot(shot);
        List<String> wrong = last[0].lines().map(String::trim).filter(l -> !l.isEmpty())
                .filter(l -> !SAME_IN_EVERY_LANGUAGE.contains(l))
                .filter(l -> english.contains(l) || l.matches("[A-Za-z][A-Za-z .,:'()-]*[a-z][A-Za-z .,:'()-]*")
                        && l.split("\\s+").length >= 2)
                .toList();
        assertThat(wrong).as("English text on the " + page + " page").isEmpty();
    }

    /** Cockpit's English labels whose translation in {@code language} differs from them (so English there is wrong). */
    static Set<String> englishOnlyLabels(String app, String language) throws IOException {
        String dir = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
        JsonNode en = labels(dir + "en.json");
        JsonNode translated = labels(dir + language + ".json");
        Set<String> english = new java.util.HashSet<>();
        en.fields().forEachRemaining(e -> {
            String value = e.getValue().asText().trim();
            if (value.length() >= 3 && !value.contains("{{") && !value.contains("<")
                    && !value.equals(translated.path(e.getKey()).asText().trim())) {
                english.add(value);
            }
        });
        return english;
    }

    static JsonNode labels(String resource) throws IOException {
        try (InputStream in = TasklistBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in).path("labels");
        }
    }

    // --- browser ---

    void openBrowser(String language) throws IOException {
        profileDir = Files.createTempDirectory("sanepid-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir, "--window-size=1400,1000");
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Almaty")).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    void quitBrowser() throws IOException {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
            }
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profileDir = null;
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    void logIn(String app, DemoLogins.Login login, String shot) {
        driver.get(base() + "/camunda/app/" + app + "/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        user.sendKeys(login.userId());
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(login.password());
        screenshot(shot);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    /**
     * Selects the "My group" filter of the head's own provider group ({@code provider-head-<BIN>}, whose name ends
     * with the BIN), then the complaint's review task in the list.
     */
    void openReviewTask(Task review, String providerBin) {
        step = "select the group filter";
        clickButton(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[contains(normalize-space(.),'Менің тобым')][contains(normalize-space(.)," + xpathLiteral(providerBin)
                + ")]"));
        step = "select the review task";
        clickButton(taskLink(review));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"),
                review.getName()));
        wait.until(d -> d.getCurrentUrl().contains(review.getId()));
    }

    /** The task's entry in the task list: its name, linked to its id. */
    static By taskLink(Task task) {
        return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]//h4[contains(@class,'task')]"
                + "/a[@href='#/?task=" + task.getId() + "'][normalize-space(.)=" + xpathLiteral(task.getName()) + "]");
    }

    /** Waits until the Camunda Form (form-js) shows the field with this key. */
    void waitForFormJs(String key) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(field(key)));
    }

    /** form-js ids end with the component id, which the forms name Field_&lt;key&gt;. */
    static By field(String key) {
        return By.cssSelector(".fjs-container [id$='-Field_" + key + "']");
    }

    void typeInto(String key, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field(key)));
        centre(input).clear();
        input.sendKeys(text);
        wait.until(d -> text.equals(input.getDomProperty("value")));
    }

    String fieldValue(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(field(key))).getDomProperty("value");
    }

    /** Opens a form-js select and picks the option whose label starts with the given text. */
    void choose(String key, String labelStart) {
        WebElement display = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container [id$='-Field_" + key + "-display']")));
        centre(display).click();
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.),"
                        + xpathLiteral(labelStart) + ")]")));
        centre(option).click();
        wait.until(d -> display.getText().startsWith(labelStart));
    }

    void clickButton(By by) {
        centre(wait.until(ExpectedConditions.elementToBeClickable(by))).click();
    }

    /** Scrolls the element to the middle of the window, clear of Tasklist's fixed header and footer. */
    WebElement centre(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }

    // --- data ---

    static DemoLogins.Login login(String userId) {
        return DemoLogins.LOGINS.stream().filter(l -> l.userId().equals(userId)).findFirst().orElseThrow();
    }

    /** 12 digits with a valid check digit: the given prefix, then the first suffix that makes a valid number. */
    static String firstValid(String prefix, boolean iin) {
        for (int i = 0; i < 100; i++) {
            String candidate = IdentificationNumbers.withCheckDigit(prefix + String.format("%02d", i));
            if (candidate != null && (iin ? IdentificationNumbers.isValidIin(candidate)
                    : IdentificationNumbers.isValidBin(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no valid number for " + prefix);
    }

    static String label(String resource, String key) throws IOException {
        try (InputStream in = TasklistBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            JsonNode labels = new ObjectMapper().readTree(in).path("labels");
            return labels.path(key).asText();
        }
    }

    static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "',\"'\",'") + "')";
    }

}
