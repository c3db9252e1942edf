package org.microcredentials.review;


import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.application.PeerReview;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Who else reviews this round: those who reviewed already and those holding another review
 * task. Each review of the multi-instance runs in its own execution, which identifies "this" review.
 */
@Component
public class PeerReviewers {

  private final TaskService tasks;
  private final ApplicationRegister applications;
  private final PeerReviewLog log;

  PeerReviewers(TaskService tasks, ApplicationRegister applications, PeerReviewLog log) {
    this.tasks = tasks;
    this.applications = applications;
    this.log = log;
  }

  /** {@code scope}: the review's execution (or any of the instance), where the instance's log is read. */
  public Set<String> others(VariableScope scope, String businessKey, String processInstanceId, String exceptExecutionId) {
    Set<String> others = new HashSet<>();
    applications.round(businessKey).reviews().stream().map(PeerReview::reviewerId)
        .forEach(others::add);
    // A round begun on an earlier release: its reviews before the upgrade are in the instance's log only
    // (ReviewsLoggedEarlier records them at the next decision on the round).
    log.read(scope, ReviewRoundProcess.Variables.PEER_REVIEWS).stream().map(PeerReview::reviewerId).forEach(others::add);
    for (Task task : tasks.createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(ReviewRoundProcess.Tasks.PEER_REVIEW)
        .taskAssigned()
        // Two reviewers at most: the page keeps the query within queryMaxResultsLimit.
        .listPage(0, 50)) {
      if (!task.getExecutionId().equals(exceptExecutionId)) {
        others.add(task.getAssignee());
      }
    }
    return others;
  }
}
