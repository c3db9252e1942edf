package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.RunsAlongside;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a real engine in Spring's transactions, with our plugin: a person's command that lost a race runs again
 * and goes through; it never runs again once its transaction committed, nor for the job executor (no person),
 * nor inside someone else's transaction, nor for a failure that is not a race; a conflict that lasts is
 * answered after the last attempt. And two people completing the last two parallel tasks of one instance in
 * the same instant (the join: a real optimistic-locking conflict) both succeed, every time.
 */
@RunsAlongside
class PeoplesCommandsRetriedTest {

  /** What the completion listener throws, while {@link #failuresLeft} lasts. */
  static volatile Supplier<RuntimeException> failure;
  static final AtomicInteger failuresLeft = new AtomicInteger();
  static final AtomicInteger completions = new AtomicInteger();
  /** When set, the listener throws after the commit instead of inside the transaction. */
  static volatile boolean failAfterCommit;
  /** When set, each first attempt of a round waits here, so that both transactions are open at once. */
  static volatile CyclicBarrier bothInside;
  /** Tasks whose completion waited at the barrier once: its attempts after wait no more. */
  static final java.util.Set<String> entered = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public static class CompletionListener implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      int attempt = completions.incrementAndGet();
      CyclicBarrier barrier = bothInside;
      if (barrier != null && entered.add(task.getId())) {
        await(barrier);
      }
      if (failuresLeft.getAndDecrement() <= 0) {
        return;
      }
      if (failAfterCommit) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            throw failure.get();
          }
        });
        return;
      }
      throw failure.get();
    }
  }

  // One engine for the class (building one parses the engine's whole SQL mapping); each test deploys its models
  // and deletes them with their instances after.
  private static ProcessEngine engine;
  private static SimpleMeterRegistry meters;
  private static DataSourceTransactionManager transactions;

  @BeforeAll
  static void startEngine() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:peoples-commands;DB_CLOSE_DELAY=-1");
    transactions = new DataSourceTransactionManager(database);
    SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
    configuration.setDataSource(database);
    configuration.setTransactionManager(transactions);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("none");
    configuration.setProcessEngineName("peoplesCommands");
    meters = new SimpleMeterRegistry();
    configuration.getProcessEnginePlugins().add(new PeoplesCommandsRetried(meters));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void deployModels() {
    meters.clear();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("review.bpmn", Bpmn.createExecutableProcess("Process_Review").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Review").camundaTaskListenerClass("complete", CompletionListener.class)
            .endEvent().done())
        .addModelInstance("reviews.bpmn", Bpmn.createExecutableProcess("Process_TwoReviews").camundaHistoryTimeToLive(1)
            .startEvent().parallelGateway("Gateway_Split")
            .userTask("Task_FirstReview").camundaTaskListenerClass("complete", CompletionListener.class)
            .parallelGateway("Gateway_Join").endEvent()
            .moveToNode("Gateway_Split")
            .userTask("Task_SecondReview").camundaTaskListenerClass("complete", CompletionListener.class)
            .connectTo("Gateway_Join").done())
        .deploy();
    failuresLeft.set(0);
    completions.set(0);
    failAfterCommit = false;
    bothInside = null;
    entered.clear();
    failure = () -> new OptimisticLockingException("Lost a race with another review of the same application");
  }

  @AfterEach
  void deleteModels() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aPersonsCompletionThatLostARaceRunsAgainAndGoesThrough() {
    Task review = startReview();
    failuresLeft.set(2);

    asPerson("dave", () -> engine.getTaskService().complete(review.getId()));

    assertThat(completions).hasValue(3);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(retried("concurrent-update")).isEqualTo(2);
  }

  @Test
  void aRowAlreadyRecordedRunsAgainAndMeetsTheFirstRequestsResult() {
    Task review = startReview();
    failure = () -> new DuplicateKeyException("duplicate key value violates unique constraint");
    failuresLeft.set(1);

    asPerson("dave", () -> engine.getTaskService().complete(review.getId()));

    assertThat(completions).hasValue(2);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(retried("already-recorded")).isEqualTo(1);
  }

  @Test
  void neverRunAgainOnceItsTransactionCommitted() {
    Task review = startReview();
    failAfterCommit = true;
    failuresLeft.set(1);

    assertThatThrownBy(() -> asPerson("dave", () -> engine.getTaskService().complete(review.getId())))
        .satisfies(PeoplesCommandsRetriedTest::lostARace);

    assertThat(completions).as("the completion ran once").hasValue(1);
    assertThat(retried("concurrent-update")).isZero();
    assertThat(engine.getTaskService().createTaskQuery().count()).as("and was committed").isZero();
  }

  @Test
  void theJobExecutorsCommandsAreNotRunAgain() {
    Task review = startReview();
    failuresLeft.set(1);

    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId())).satisfies(PeoplesCommandsRetriedTest::lostARace);

    assertThat(completions).hasValue(1);
    assertThat(engine.getTaskService().createTaskQuery().count()).isOne();
  }

  @Test
  void notRunAgainInsideSomeoneElsesTransaction() {
    Task review = startReview();
    failuresLeft.set(1);

    assertThatThrownBy(() -> asPerson("dave", () -> new TransactionTemplate(transactions).executeWithoutResult(
        status -> engine.getTaskService().complete(review.getId())))).satisfies(PeoplesCommandsRetriedTest::lostARace);

    assertThat(completions).hasValue(1);
    assertThat(engine.getTaskService().createTaskQuery().count()).isOne();
  }

  @Test
  void aFailureThatIsNotARaceIsNotRunAgain() {
    Task review = startReview();
    failure = () -> new ProcessEngineException("The evidence cannot be read");
    failuresLeft.set(1);

    assertThatThrownBy(() -> asPerson("dave", () -> engine.getTaskService().complete(review.getId())))
        .hasMessageContaining("The evidence cannot be read");

    assertThat(completions).hasValue(1);
    assertThat(engine.getTaskService().createTaskQuery().count()).isOne();
  }

  @Test
  void aConflictThatLastsIsAnsweredAfterTheLastAttempt() {
    Task review = startReview();
    failuresLeft.set(1_000);

    assertThatThrownBy(() -> asPerson("dave", () -> engine.getTaskService().complete(review.getId())))
        .satisfies(PeoplesCommandsRetriedTest::lostARace);

    assertThat(completions).hasValue(PeoplesCommandsRetried.ATTEMPTS);
    assertThat(engine.getTaskService().createTaskQuery().count()).isOne();
  }

  @Test
  void twoPeopleCompletingTheLastTwoParallelTasksAtOnceBothSucceed() throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(2);
    int rounds = 20;
    int runAgain = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("Process_TwoReviews");
        List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(reviews).hasSize(2);
        completions.set(0);
        bothInside = new CyclicBarrier(2);

        Future<?> dave = people.submit(() -> asPerson("dave", () -> engine.getTaskService().complete(reviews.get(0).getId())));
        Future<?> frank = people.submit(() -> asPerson("frank", () -> engine.getTaskService().complete(reviews.get(1).getId())));
        dave.get(30, TimeUnit.SECONDS);
        frank.get(30, TimeUnit.SECONDS);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
            .as("round %d: the join happened, the instance ended", round).isZero();
        runAgain += completions.get() - 2;
      }
    } finally {
      people.shutdownNow();
    }
    // Both transactions were open at once in every round (the barrier): one of the two met the other's join.
    assertThat(runAgain).as("completions run again over %d rounds", rounds).isGreaterThanOrEqualTo(rounds);
    assertThat(retried("concurrent-update")).isEqualTo(runAgain);
  }

  private double retried(String conflict) {
    var counter = meters.find("microcredentials.commands.retried").tag("conflict", conflict).counter();
    return counter == null ? 0 : counter.count();
  }

  private Task startReview() {
    engine.getRuntimeService().startProcessInstanceByKey("Process_Review");
    return engine.getTaskService().createTaskQuery().singleResult();
  }

  private void asPerson(String userId, Runnable action) {
    engine.getIdentityService().setAuthenticatedUserId(userId);
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void lostARace(Throwable thrown) {
    assertThat(TransientFailures.of(thrown)).as("%s", thrown).map(TransientFailures.Problem::rule).contains("concurrent-update");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception notBoth) {
      throw new IllegalStateException("The other completion did not arrive", notBoth);
    }
  }
}
