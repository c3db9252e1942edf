package org.microcredentials.review;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.RuleViolation;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ModelledHolder;
import org.springframework.stereotype.Service;

/**
 * The SEM team hands a round's overdue work to someone else: the assessment (with the assessor's other open tasks,
 * those the model gives to {@link Holder#ASSESSOR}) to another eligible assessor, or a review (a task of
 * {@link Holder#PEER_REVIEWER}) to another eligible reviewer. Who may hand it over is
 * {@link AssignmentPolicy}'s rule; who may take it, {@link ReviewPolicy}'s. The tasks themselves, their variables and
 * their history stay: all work done so far is kept; the person it is taken from no longer sees it.
 */
@Service
public class WorkReassignment {

  private final ApplicationRegister applications;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final AssignmentPolicy assignmentPolicy;
  private final PeerReviewers reviewers;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final ParticipantAccess access;

  WorkReassignment(ApplicationRegister applications, Organisation organisation, ReviewPolicy reviewPolicy,
      AssignmentPolicy assignmentPolicy, PeerReviewers reviewers, TaskService tasks, RepositoryService repository,
      ParticipantAccess access) {
    this.applications = applications;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.assignmentPolicy = assignmentPolicy;
    this.reviewers = reviewers;
    this.tasks = tasks;
    this.repository = repository;
    this.access = access;
  }

  /** Who may take over the work a reassignment task ({@code Task_ReassignAssessor}, {@code Task_ReassignReviewer}) hands over. */
  public List<Engineer> replacements(RunningRound round, String reassignmentTask) {
    return reassignsAssessment(reassignmentTask) ? assessorReplacements(round) : reviewerReplacements(round);
  }

  /**
   * {@code actor} hands the work a reassignment task is about to {@code newAssigneeId}: the assessment
   * ({@link #reassignAssessment}, answered with the new assessor) or the open review ({@link #reassignReview}).
   */
  public Optional<Engineer> reassignOverdueWork(RunningRound round, String reassignmentTask, String actor,
      String newAssigneeId) {
    if (reassignsAssessment(reassignmentTask)) {
      return Optional.of(reassignAssessment(round, actor, newAssigneeId));
    }
    reassignReview(round, actor, newAssigneeId);
    return Optional.empty();
  }

  /** Who may take over the assessment: the eligible assessors but the one it was given to. */
  public List<Engineer> assessorReplacements(RunningRound round) {
    ApplicationRegister.Application application = applications.application(round.businessKey());
    return reviewPolicy.eligibleAssessors(organisation, application.candidateId(), application.skillLevel())
        .stream().filter(person -> !person.userId().equals(application.assessorId())).toList();
  }

  /** Who may take over a review: whoever the review rules allow besides those who review the round. */
  public List<Engineer> reviewerReplacements(RunningRound round) {
    ApplicationRegister.Application application = applications.application(round.businessKey());
    return reviewers.mayReview(organisation.all(), application.candidateId(), application.assessorId(), round);
  }

  /** {@code actor} hands the assessment, and the assessor's open tasks, to {@code newAssessorId}: the new assessor. */
  public Engineer reassignAssessment(RunningRound round, String actor, String newAssessorId) {
    ApplicationRegister.Application application = reassignedBy(round, actor);
    Engineer newcomer = engineer(newAssessorId);
    reviewPolicy.checkAssessor(newcomer, application.candidateId(), application.skillLevel());
    // Recorded first: the assignment guard holds an assessor's tasks to the assessor on record.
    applications.assignAssessor(round.businessKey(), newAssessorId);
    for (Task open : openTasks(round)) {
      if (holderOf(open) == Holder.ASSESSOR) {
        handOver(open, newAssessorId);
      }
    }
    return newcomer;
  }

  /** {@code actor} hands the round's open review to {@code newReviewerId}. */
  public void reassignReview(RunningRound round, String actor, String newReviewerId) {
    ApplicationRegister.Application application = reassignedBy(round, actor);
    Engineer newcomer = engineer(newReviewerId);
    Task review = openTasks(round).stream()
        .filter(task -> holderOf(task) == Holder.PEER_REVIEWER)
        .findFirst()
        .orElseThrow(() -> RuleViolation.conflict("review-open", "No review of this application is waiting any more."));
    reviewers.checkReviewer(newcomer, application.candidateId(), application.assessorId(), round, review.getExecutionId());
    handOver(review, newReviewerId);
  }

  /** The model has one reassignment task for the assessment; the other hands over a review. */
  private static boolean reassignsAssessment(String reassignmentTask) {
    return ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR.equals(reassignmentTask);
  }

  private ApplicationRegister.Application reassignedBy(RunningRound round, String actor) {
    ApplicationRegister.Application application = applications.application(round.businessKey());
    assignmentPolicy.checkReassigner(actor, application.candidateId());
    return application;
  }

  private Engineer engineer(String userId) {
    return organisation.find(userId).orElseThrow(() -> RuleViolation.invalid("known-engineer",
        "'" + userId + "' is not an engineer of the organisation."));
  }

  private void handOver(Task task, String newAssigneeId) {
    access.withdraw(task.getAssignee(), task.getId());
    tasks.setAssignee(task.getId(), newAssigneeId);
  }

  /** The role the task's model gives it ({@link ModelledHolder}); null where it names none. */
  private Holder holderOf(Task task) {
    return ModelledHolder.of(repository, task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElse(null);
  }

  private List<Task> openTasks(RunningRound round) {
    return tasks.createTaskQuery().processInstanceId(round.processInstanceId()).active().listPage(0, 50);
  }
}
