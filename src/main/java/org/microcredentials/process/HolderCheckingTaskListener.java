package org.microcredentials.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The claim or assignment rules of a feature's tasks: when a task gets an assignee (unclaiming, an empty assignee, is
 * always allowed), the role its model declares ({@link ModelledHolder}) says which rule the new holder must meet, and
 * {@link #checkHolder} asks the feature's record and policy. Applied to every user task by
 * {@link UserTaskEventListener}; still a task listener, for instances of earlier models that bind it by name.
 */
public abstract class HolderCheckingTaskListener extends RuleCheckingTaskListener implements UserTaskRules {

  @Override
  public final void assigned(DelegateTask task) {
    check(task);
  }

  @Override
  protected final void check(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee != null) {
      ModelledHolder.of(task).ifPresent(holder -> checkHolder(task, holder, assignee));
    }
  }

  /** Refuses {@code assignee} as the holder of {@code task}, whose role is {@code holder}, unless the rules allow; a
   * role of another feature is left alone. */
  protected abstract void checkHolder(DelegateTask task, Holder holder, String assignee);
}
