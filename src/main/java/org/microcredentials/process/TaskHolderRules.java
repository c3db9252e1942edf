package org.microcredentials.process;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Task listener on {@code update}: a task is held as the model says, by its assignee and its
 * modelled candidates, and by no owner. Whoever may work on a task (Camunda grants its assignee
 * and candidates UPDATE, so that they can also unclaim it) could otherwise add any user or group
 * as a candidate, or make someone its owner (also by delegating it), and Camunda would show them
 * the task with the application's evidence and scores. Nor is a task anyone's subtask: the engine deletes a
 * subtask with its parent, so the SEM team, who may set a task's fields, made another application's peer review
 * the subtask of a task of theirs, completed that, and left the application waiting for a task that was gone.
 */
// Named as before: the first release's models bind ${holdersAsModelled} on their user tasks, and their instances may still run.
@Component("holdersAsModelled")
public class TaskHolderRules extends RuleCheckingTaskListener {

  @Override
  protected void check(DelegateTask task) {
    if (task instanceof Task stored && stored.getParentTaskId() != null) {
      throw RuleViolation.forbidden("no-parent-task", "'" + task.getName() + "' is a step of its process, no one's "
          + "subtask: a subtask is deleted with its parent task (" + stored.getParentTaskId() + ").");
    }
    if (task.getOwner() != null) {
      throw RuleViolation.forbidden("no-owner", "'" + task.getName() + "' is held by its assignee alone: no one sets "
          + "an owner or delegates it (" + task.getOwner() + ").");
    }
    UserTask modelled = (UserTask) task.getBpmnModelElementInstance();
    Set<String> allowed = new TreeSet<>();
    split(modelled.getCamundaCandidateGroups()).forEach(group -> allowed.add("group " + group));
    split(modelled.getCamundaCandidateUsers()).forEach(user -> allowed.add("user " + user));
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      String candidate = link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId();
      if (!allowed.contains(candidate)) {
        throw RuleViolation.forbidden("candidates-as-modelled", "'" + task.getName() + "' is for "
            + (allowed.isEmpty() ? "its assignee only" : String.join(", ", allowed))
            + "; no one adds " + candidate + " as a candidate: change the process model instead.");
      }
    }
  }

  private static List<String> split(String list) {
    return list == null || list.isBlank() ? List.of()
        : Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }
}
