package org.microcredentials.process;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The behaviour every user task has, attached in one place instead of in each model: a process
 * owner who adds a task in Modeler gets it without binding a listener. Runs on the engine's task
 * events (Spring eventing, {@code camunda.bpm.eventing.task: true}, {@code skippable: false}: built-in
 * listeners, which run before the model's own and are not skipped by skipCustomListeners), in the
 * command's transaction, so a refusal changes nothing.
 * <ul>
 *   <li>create: the features hide the task from the people it concerns ({@link UserTaskRules#created});
 *   <li>assignment: the features refuse a holder their rules do not allow ({@link UserTaskRules#assigned});
 *   <li>update: the task is held as modelled ({@link TaskHolderRules});
 *   <li>complete: the assignee is handed to the task's end listener ({@link Actors#recordAssignee}).
 * </ul>
 */
@Component
class UserTaskEventListener {

  private final TaskHolderRules taskHolderRules;
  private final Actors actors;
  private final List<UserTaskRules> rules;

  UserTaskEventListener(TaskHolderRules taskHolderRules, Actors actors, List<UserTaskRules> rules) {
    this.taskHolderRules = taskHolderRules;
    this.actors = actors;
    this.rules = rules;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    String event = task.getEventName();
    if (event == null) {
      // Seen once in RaceIT: the same form submitted twice at the same instant, and the loser's task event
      // came without a name (a NullPointerException here answered 500). Which rule applies is not known,
      // so nothing is let through: refused as the concurrent change it is, 409, the whole command undone.
      throw new OptimisticLockingException("A task event without a name on task " + task.getId()
          + ": it was changed at the same moment by someone else; nothing was done.");
    }
    switch (event) {
      case TaskListener.EVENTNAME_CREATE -> rules.forEach(rule -> Refusals.guard(task, rule::created));
      case TaskListener.EVENTNAME_ASSIGNMENT -> rules.forEach(rule -> Refusals.guard(task, rule::assigned));
      case TaskListener.EVENTNAME_UPDATE -> taskHolderRules.notify(task);
      case TaskListener.EVENTNAME_COMPLETE -> actors.recordAssignee(task);
      default -> {
      }
    }
  }
}
