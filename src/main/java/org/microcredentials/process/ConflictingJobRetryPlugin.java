package org.microcredentials.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * A job that lost a race (an {@link OptimisticLockingException}: someone completed a task of the
 * same instance in the same instant, e.g. a leader answering a request while the job telling her of
 * it ran; or the engine's other words for it, {@link TransientFailures}' concurrent-update, such as
 * ENGINE-03077 when the branches merged under it, or a deadlock the database broke by rolling it back) is due
 * again at once, its retries untouched, as
 * Camunda does for jobs without a retry cycle. A job that waited too long for a row another
 * transaction held (a lock timeout, {@link TransientFailures}' too-busy) is due again at once too, one
 * retry spent: the wait has passed by then, and a lock that is never released still ends in an incident.
 * Without this, a model's {@code failedJobRetryTimeCycle} (ours: R3/PT5M, meant for a mail server
 * that is down) applied to the race too: the instance waited five minutes for nothing, and the mail
 * of the lost run was sent again five minutes later instead of within seconds (SoakFaultIT on H2
 * found a declined endorsement request still running after two minutes). Every other failure keeps
 * the model's retry cycle.
 */
@Component
class ConflictingJobRetryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(RetryCommand::new);
  }

  /** Camunda's retry command, which takes the standard strategy (unlock, retries kept) for a lost race. */
  static final class RetryCommand extends DefaultJobRetryCmd {

    RetryCommand(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (lostARace(exception) || waitedForALock(exception)) {
        executeStandardStrategy(commandContext);
        return null;
      }
      return super.execute(commandContext);
    }

    /** The standard strategy spends a retry on every failure but Camunda's own optimistic locking: a race spends none. */
    @Override
    protected boolean shouldDecrementRetriesFor(Throwable failure) {
      return !lostARace(failure);
    }

    private static boolean lostARace(Throwable failure) {
      return failure instanceof OptimisticLockingException || hasRule(failure, "concurrent-update");
    }

    private static boolean waitedForALock(Throwable failure) {
      return hasRule(failure, "too-busy");
    }

    private static boolean hasRule(Throwable failure, String rule) {
      return failure != null && TransientFailures.of(failure).filter(problem -> problem.rule().equals(rule)).isPresent();
    }
  }
}
