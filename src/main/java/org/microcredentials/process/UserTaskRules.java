package org.microcredentials.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A feature's rules for user tasks, applied by {@link UserTaskEventListener} to every user task of every
 * model, whatever listeners the model binds: who may hold a task, and from whom it is hidden. Each
 * method answers for the tasks it knows (by the {@link Holder} their model declares, and the business key of a
 * record it keeps) and leaves others alone. A
 * broken rule is thrown as {@link org.microcredentials.RuleViolation}; the caller sees HTTP 4xx.
 */
public interface UserTaskRules {

  /** The task was created: hide it from the people it concerns. */
  default void created(DelegateTask task) {
  }

  /** The task was claimed or assigned (an empty assignee is an unclaim): refuse who may not hold it. */
  default void assigned(DelegateTask task) {
  }
}
