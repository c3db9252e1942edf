package org.microcredentials.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that checks rules. The engine wraps whatever a task listener throws, so the
 * REST API answers 500 unless {@code EngineRestConfiguration}'s mapper finds the refusal inside;
 * the message names the rule either way, and nothing is changed.
 */
public abstract class RuleCheckingTaskListener implements TaskListener {

  @Override
  public final void notify(DelegateTask task) {
    Refusals.guard(task, this::check);
  }

  protected abstract void check(DelegateTask task);
}
