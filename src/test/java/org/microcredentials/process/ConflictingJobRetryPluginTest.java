package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.RunsAlongside;
import org.springframework.dao.QueryTimeoutException;

/**
 * On a real engine with our plugin and a model's retry cycle of R3/PT5M: a job that lost a race is due
 * again at once with its retries kept, one that waited too long for a lock at once with a retry spent;
 * any other failure waits the cycle's five minutes.
 */
@RunsAlongside
class ConflictingJobRetryPluginTest {

  /** What the job's delegate throws on its first run; it succeeds after. */
  static volatile RuntimeException firstRunFailure;
  static volatile int runs;

  public static class FailsOnce implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (runs++ == 0) {
        throw firstRunFailure;
      }
    }
  }

  // One engine for the class (building one parses the engine's whole SQL mapping); each test deploys the model
  // and deletes it with its instances and jobs after.
  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:conflicting-jobs;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("conflictingJobs")
        .setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.getProcessEnginePlugins().add(new ConflictingJobRetryPlugin());
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void deployModel() {
    engine.getRepositoryService().createDeployment().addModelInstance("notify.bpmn",
        Bpmn.createExecutableProcess("Process_Notify").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("ServiceTask_Notify").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M")
            .camundaClass(FailsOnce.class).endEvent().done())
        .deploy();
    runs = 0;
  }

  @AfterEach
  void deleteModel() {
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aJobThatLostARaceIsDueAgainAtOnceWithItsRetriesKept() {
    firstRunFailure = new OptimisticLockingException("Lost a race with a task completion");
    dueAgainAtOnceAndRunsWith(3);
  }

  @Test
  void aJobWhoseParentWentUnderItLostARaceToo() {
    // ENGINE-03077: the engine's word for a concurrent change it did not catch as optimistic locking.
    firstRunFailure = new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'p' of execution 'e', "
        + "perhaps it was deleted in the meantime");
    dueAgainAtOnceAndRunsWith(3);
  }

  @Test
  void aJobThatWaitedTooLongForALockIsDueAgainAtOnceWithOneRetrySpent() {
    firstRunFailure = new QueryTimeoutException("Timeout trying to lock table");
    dueAgainAtOnceAndRunsWith(2);
  }

  @Test
  void anyOtherFailureWaitsForTheModelsRetryCycle() {
    firstRunFailure = new IllegalStateException("The mail server did not answer");
    Job job = failFirstRun();

    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();
  }

  /** After the first run's failure: due now with these retries left; run again, the instance ends. */
  private void dueAgainAtOnceAndRunsWith(int retries) {
    Job job = failFirstRun();

    assertThat(job.getRetries()).isEqualTo(retries);
    assertThat(job.getDuedate()).satisfiesAnyOf(
        due -> assertThat(due).isNull(),
        due -> assertThat(due.toInstant()).isBeforeOrEqualTo(Instant.now()));
    assertThat(engine.getManagementService().createJobQuery().executable().count()).isOne();
    engine.getManagementService().executeJob(job.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  private Job failFirstRun() {
    engine.getRuntimeService().startProcessInstanceByKey("Process_Notify");
    Job job = engine.getManagementService().createJobQuery().singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .satisfies(thrown -> assertThat(causes(thrown)).hasAtLeastOneElementOfType(firstRunFailure.getClass()));
    return engine.getManagementService().createJobQuery().singleResult();
  }

  private static java.util.List<Throwable> causes(Throwable thrown) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable each = thrown; each != null && !chain.contains(each); each = each.getCause()) {
      chain.add(each);
    }
    return chain;
  }
}
