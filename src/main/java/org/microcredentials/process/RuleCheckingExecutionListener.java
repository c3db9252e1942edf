package org.microcredentials.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An execution listener that checks rules; a broken rule refuses the whole engine command with
 * HTTP 4xx. Bind it with {@code camunda:delegateExpression} (an expression listener would wrap
 * the refusal into a 500).
 */
public abstract class RuleCheckingExecutionListener implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      // An activity ended by a cancellation (an operator deleting an instance, a boundary event)
      // was not completed by a person: there is nothing to check.
      return;
    }
    Refusals.guard(execution, this::check);
  }

  protected abstract void check(DelegateExecution execution);
}
