package kz.health.sanepid.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The engine settings of docs/PERFORMANCE.md: the history level without routine logs and the due-date index. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineTuningTest {

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;

    private String deploymentId;

    /**
     * The shared context's deployments are the application's one again: ApplicationTest counts them, and
     * FormReferencesTest reads every latest definition (this one's user task has no form).
     */
    @AfterEach
    void removeDeployment() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true);
            deploymentId = null;
        }
    }

    @Test
    void historyKeepsValuesActivitiesAndJobOutcomesButNeitherVariableDetailsNorJobCreation() {
        deploymentId = repositoryService.createDeployment().addModelInstance("engine-tuning.bpmn",
                Bpmn.createExecutableProcess("engine-tuning").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("step").camundaAsyncBefore().camundaExpression("${execution.setVariable('n', n + 1)}")
                        .userTask("wait").endEvent().done()).deploy().getId();
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("engine-tuning", Variables.putValue("n", 1));
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getDuedate()).as("ensure-job-due-date-not-null").isNotNull();
        managementService.executeJob(job.getId());

        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                .isEqualTo(LeanFullHistory.NAME);
        assertThat(((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getValue()).intValue()).as("the latest value").isEqualTo(2);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("step")
                .finished().count()).isOne();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricJobLog::isSuccessLog).containsExactly(true);
        runtimeService.deleteProcessInstance(pi.getId(), "test over");
    }

    @Test
    void jobsHaveAnIndexOnTheirDueDate() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME ="
                + " 'SANEPID_IDX_JOB_DUEDATE' AND TABLE_NAME = 'ACT_RU_JOB'", Long.class)).isOne();
    }
}
