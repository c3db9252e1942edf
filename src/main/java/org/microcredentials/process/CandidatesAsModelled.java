package org.microcredentials.process;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Task listener on {@code update}: a task's candidates stay those of the model. Whoever may work on
 * a task (Camunda grants its assignee and candidates UPDATE, so that they can also unclaim it) could
 * otherwise add any user or group as a candidate, and Camunda would show them the task with the
 * application's evidence and scores.
 */
@Component("candidatesAsModelled")
public class CandidatesAsModelled extends RuleCheckingTaskListener {

  @Override
  protected void check(DelegateTask task) {
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

  private static java.util.List<String> split(String list) {
    return list == null || list.isBlank() ? java.util.List.of()
        : Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }
}
