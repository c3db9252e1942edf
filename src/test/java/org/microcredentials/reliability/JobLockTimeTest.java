package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationYaml;
import org.microcredentials.testing.RunsAlongside;
import org.springframework.core.env.PropertySource;

/**
 * The job lock time is a trade-off. Short, and a crashed node's work resumes soon (its locks expire);
 * shorter than a job's run, and the job executor takes the still running job again and runs it a
 * second time at once, side effects and all. Shown here on a real engine with both lock times, and
 * checked for ours: resume within 60 s, and every job bounded well under the lock.
 */
@RunsAlongside
class JobLockTimeTest {

  /** How many runs of the slow job were going on at once, at most, and in all. */
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
  static final AtomicInteger RUNS = new AtomicInteger();

  /** A job that takes 3 seconds, as a mail to a server that answers slowly would. */
  public static class SlowJob implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws Exception {
      RUNS.incrementAndGet();
      MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
      try {
        Thread.sleep(3000);
      } finally {
        RUNNING.decrementAndGet();
      }
    }
  }

  @Test
  void aJobThatOutlivesItsLockRunsTwiceAtOnce() throws Exception {
    assertThat(mostRunsAtOnce(Duration.ofSeconds(1))).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aJobWithinItsLockRunsOnce() throws Exception {
    assertThat(mostRunsAtOnce(Duration.ofSeconds(10))).isEqualTo(1);
    assertThat(RUNS.get()).isEqualTo(1);
  }

  @Test
  void ourLockTimeResumesWithin60SecondsAndOutlivesOurSlowestJob() throws Exception {
    PropertySource<?> settings = ApplicationYaml.everyProfile();
    long lockTime = Long.parseLong(String.valueOf(settings.getProperty("camunda.bpm.job-execution.lock-time-in-millis")));
    long maxWait = Long.parseLong(String.valueOf(settings.getProperty("camunda.bpm.job-execution.max-wait")));
    // A crashed node's lock expires after lockTime; an idle node looks for jobs at least every maxWait.
    assertThat(lockTime + maxWait).isLessThanOrEqualTo(60_000);
    // The slowest of our jobs is a mail: a server that stops answering fails it after a connect,
    // read or write timeout. Twice the longest still ends well before the lock does.
    long mailTimeout = Stream.of("connectiontimeout", "timeout", "writetimeout")
        .mapToLong(name -> Long.parseLong(String.valueOf(settings.getProperty("spring.mail.properties[mail.smtp." + name + "]"))))
        .max().orElseThrow();
    assertThat(2 * mailTimeout).isLessThan(lockTime);
  }

  private static int mostRunsAtOnce(Duration lockTime) throws InterruptedException {
    RUNNING.set(0);
    MOST_AT_ONCE.set(0);
    RUNS.set(0);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setLockTimeInMillis((int) lockTime.toMillis());
    jobExecutor.setWaitTimeInMillis(100);
    jobExecutor.setMaxWait(200);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:job-lock-" + lockTime.toMillis() + ";DB_CLOSE_DELAY=-1")
        .setProcessEngineName("job-lock-" + lockTime.toMillis())
        .setJobExecutorActivate(true);
    configuration.setJobExecutor(jobExecutor);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("slow.bpmn",
          Bpmn.createExecutableProcess("Process_Slow").camundaHistoryTimeToLive(1).startEvent()
              .serviceTask("ServiceTask_Slow").camundaAsyncBefore().camundaClass(SlowJob.class).endEvent().done())
          .deploy();
      engine.getRuntimeService().startProcessInstanceByKey("Process_Slow");
      // Long enough for a second acquisition after a 1 s lock, and for both runs to end.
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline && (RUNS.get() == 0 || RUNNING.get() > 0
          || engine.getManagementService().createJobQuery().count() > 0 && MOST_AT_ONCE.get() < 2)) {
        Thread.sleep(100);
      }
      Thread.sleep(500);
      System.out.printf("Lock %s, a 3 s job: %d runs, at most %d at once%n", lockTime, RUNS.get(), MOST_AT_ONCE.get());
      return MOST_AT_ONCE.get();
    } finally {
      engine.close();
    }
  }
}
