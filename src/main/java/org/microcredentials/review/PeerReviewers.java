package org.microcredentials.review;


import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.PeerReview;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ModelledHolder;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * The peer reviewers of a round: who else reviews it (those who reviewed already and those holding another task its
 * model gives to {@link Holder#PEER_REVIEWER}), and so who may review it, by the review rules ({@link ReviewPolicy})
 * asked with those others. Each review of the multi-instance runs in its own execution, which identifies "this" review.
 */
@Component
public class PeerReviewers {

  private final TaskService tasks;
  private final RepositoryService repository;
  private final ApplicationRegister applications;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;

  PeerReviewers(TaskService tasks, RepositoryService repository, ApplicationRegister applications,
      Organisation organisation, ReviewPolicy reviewPolicy) {
    this.tasks = tasks;
    this.repository = repository;
    this.applications = applications;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
  }

  /** Who reviews the round besides the review in {@code exceptExecutionId} (null: besides nobody). */
  public Set<String> others(RunningRound round, String exceptExecutionId) {
    Set<String> others = new HashSet<>();
    applications.round(round.businessKey()).reviews().stream().map(PeerReview::reviewerId)
        .forEach(others::add);
    // A round begun on an earlier release: its reviews before the upgrade are in the instance's log only
    // (ReviewsLoggedEarlier records them at the next decision on the round).
    round.loggedEarlier().stream().map(PeerReview::reviewerId).forEach(others::add);
    for (Task task : tasks.createTaskQuery()
        .processInstanceId(round.processInstanceId())
        .taskAssigned()
        // A round's few open tasks: the page keeps the query within queryMaxResultsLimit.
        .listPage(0, 50)) {
      if (!task.getExecutionId().equals(exceptExecutionId) && ModelledHolder.of(repository, task.getProcessDefinitionId(),
          task.getTaskDefinitionKey()).orElse(null) == Holder.PEER_REVIEWER) {
        others.add(task.getAssignee());
      }
    }
    return others;
  }

  /**
   * Refuses {@code userId} the round's review in {@code reviewExecutionId}, as the person who completes or holds it:
   * one the organisation does not know never reviews; else as {@link #checkReviewer(Engineer, String, String,
   * RunningRound, String)}.
   */
  public void checkReviewer(String userId, String candidateId, String assessorId, RunningRound round,
      String reviewExecutionId) {
    Engineer reviewer = organisation.find(userId).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
        userId + " is not an engineer of the organisation and may not peer-review."));
    checkReviewer(reviewer, candidateId, assessorId, round, reviewExecutionId);
  }

  /** Refuses {@code person} the round's review in {@code reviewExecutionId}, by the review rules, asked with who else reviews it. */
  public void checkReviewer(Engineer person, String candidateId, String assessorId, RunningRound round,
      String reviewExecutionId) {
    reviewPolicy.checkReviewer(person, candidateId, assessorId, others(round, reviewExecutionId));
  }

  /** Those of {@code people} who may take over a review of the round: the review rules, asked with who reviews it. */
  public List<Engineer> mayReview(Collection<Engineer> people, String candidateId, String assessorId, RunningRound round) {
    Set<String> others = others(round, null);
    return people.stream().filter(person -> mayReview(person, candidateId, assessorId, others)).toList();
  }

  private boolean mayReview(Engineer person, String candidateId, String assessorId, Set<String> others) {
    try {
      reviewPolicy.checkReviewer(person, candidateId, assessorId, others);
      return true;
    } catch (RuleViolation notEligible) {
      return false;
    }
  }
}
