package org.microcredentials.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A person's command never loses to work that does not conflict with it. When a command a person sent (a
 * completion, a claim, a start, through {@code /engine-rest} or Tasklist alike) is rolled back only because
 * something else changed the same rows in the same instant (another reviewer completing a parallel review of
 * the same application, the engine's own job ending a notification beside the task, the engine's merge of
 * branches, a deadlock the database broke), the engine runs the same command again, in a fresh transaction,
 * and the person gets the answer of the attempt that went through. A retry is safe: the failed attempt was
 * rolled back whole, and the command reads everything again and checks every rule again, so a retry that is
 * no longer right is refused as the person's second click would be (the task is gone: 404; claimed by someone
 * else: 409). Nothing that leaves the database runs inside a person's command: mail and issuing are
 * asynchronous jobs.
 *
 * <p>What is retried, and what never is:
 * <ul>
 *   <li>only a command run for an authenticated person ({@link IdentityService#getCurrentAuthentication()}):
 *       the job executor's commands keep their own handling ({@link ConflictingJobRetryPlugin});
 *   <li>only the outermost command, and only when no transaction of someone else's is open around it: the
 *       attempt must be the whole transaction to be run again alone;
 *   <li>only a failure {@link TransientFailures} names a concurrent update or an already-recorded row (the
 *       retry then meets the first request's result and answers as a repeat does);
 *   <li>never after the transaction committed: each attempt watches its own transaction's completion, and an
 *       attempt whose outcome is not known as a rollback is never run again;
 *   <li>at most {@link #ATTEMPTS} attempts, with a growing, random pause between them, so that two people
 *       colliding do not collide again in step; the last conflict is answered 409 as before.
 * </ul>
 * Each command run again is counted ({@code microcredentials_commands_retried_total}, by conflict): operations see
 * how often people meet other work, which no one sees as a failure any more.
 *
 * <p>An engine plugin, as {@link ConflictingJobRetryPlugin} is: it wraps the engine's command executor,
 * Camunda's extension point for this ({@code customPreCommandInterceptorsTxRequired}, outside the transaction;
 * {@code customPostCommandInterceptorsTxRequired}, inside it), so every API that reaches the engine is
 * covered, and nothing else is.
 */
@Component
class PeoplesCommandsRetried extends AbstractProcessEnginePlugin {

  /**
   * The request attribute naming the task a request completes ({@link TaskInputsFilter} sets it). Each attempt of that
   * request's commands first locks the task's row: the same completion sent twice at once then waits for the first to
   * commit and finds the task gone (404), instead of completing it from what it read before the first committed (the
   * engine then failed on an execution that had moved on, a 500).
   */
  static final String TASK_COMPLETED = PeoplesCommandsRetried.class.getName() + ".taskCompleted";

  /** Attempts of one command, the first included. */
  static final int ATTEMPTS = 6;
  /** The pause before the second attempt is up to this many milliseconds; it doubles with each attempt. */
  private static final int FIRST_PAUSE_MILLIS = 20;
  private static final Set<String> RETRIED = Set.of("concurrent-update", "already-recorded");
  private static final Logger LOG = LoggerFactory.getLogger(PeoplesCommandsRetried.class);

  /** The attempt this thread is running, if it runs a person's outermost command. */
  private final ThreadLocal<Attempt> running = new ThreadLocal<>();
  private final MeterRegistry meters;
  /** The engine's configuration: its identity service, data source and table prefix, read when a command runs. */
  private ProcessEngineConfigurationImpl configuration;

  /** Counts each command run again, by the conflict it lost ({@code microcredentials_commands_retried_total}). */
  PeoplesCommandsRetried(MeterRegistry meters) {
    this.meters = meters;
  }

  /** One attempt's transaction, as its completion reported it. */
  private static final class Attempt {
    boolean watched;
    boolean rolledBack;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<CommandInterceptor> outside = new ArrayList<>(nonNull(configuration.getCustomPreCommandInterceptorsTxRequired()));
    outside.add(new RunAgainOnConflict());
    configuration.setCustomPreCommandInterceptorsTxRequired(outside);
    List<CommandInterceptor> inside = new ArrayList<>(nonNull(configuration.getCustomPostCommandInterceptorsTxRequired()));
    inside.add(new WatchTransaction());
    configuration.setCustomPostCommandInterceptorsTxRequired(inside);
  }

  private static List<CommandInterceptor> nonNull(List<CommandInterceptor> interceptors) {
    return interceptors == null ? List.of() : interceptors;
  }

  /** Outside the transaction: runs a person's command again while it only lost a race. */
  private final class RunAgainOnConflict extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (running.get() != null || TransactionSynchronizationManager.isActualTransactionActive()
          || configuration.getIdentityService().getCurrentAuthentication() == null) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        Attempt current = new Attempt();
        running.set(current);
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          String rule = TransientFailures.of(failure).map(TransientFailures.Problem::rule).orElse("none");
          if (attempt == ATTEMPTS || !current.rolledBack || !RETRIED.contains(rule)) {
            throw failure;
          }
          LOG.debug("{} of {} lost a race ({}), attempt {}: running it again", command.getClass().getSimpleName(),
              configuration.getIdentityService().getCurrentAuthentication().getUserId(), rule, attempt);
          Counter.builder("microcredentials.commands.retried")
              .description("A person's command run again after it lost a race with other work, by the conflict")
              .tag("conflict", rule).register(meters).increment();
          if (!pausedBefore(attempt + 1)) {
            throw failure;
          }
        } finally {
          running.remove();
        }
      }
    }
  }

  /**
   * Inside the transaction: notes whether the attempt's transaction rolled back, the one case run again; and for a
   * request that completes a task, locks the task's row first.
   */
  private final class WatchTransaction extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      Attempt current = running.get();
      if (current != null && !current.watched && TransactionSynchronizationManager.isSynchronizationActive()) {
        current.watched = true;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            current.rolledBack = status == STATUS_ROLLED_BACK;
          }
        });
        lockTaskCompletedByThisRequest();
      }
      return next.execute(command);
    }

    /** The row lock is taken in the attempt's own transaction (the engine's connection) and released at its end. */
    private void lockTaskCompletedByThisRequest() {
      if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
          || !(attributes.getRequest().getAttribute(TASK_COMPLETED) instanceof String taskId)) {
        return;
      }
      String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
      new JdbcTemplate(configuration.getDataSource())
          .query("select ID_ from " + prefix + "ACT_RU_TASK where ID_ = ? for update", row -> { }, taskId);
    }
  }

  /** A random pause before the given attempt, longer for each; false if the thread was interrupted meanwhile. */
  private static boolean pausedBefore(int attempt) {
    int bound = FIRST_PAUSE_MILLIS << (attempt - 2);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(bound / 4, bound + 1));
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
