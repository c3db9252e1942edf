package org.microcredentials.submission;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.RuleCheckingTaskListener;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.UserTaskRules;
import org.microcredentials.review.AssignmentPolicy;
import org.microcredentials.review.PeerReviewers;
import org.microcredentials.review.ReviewPolicy;
import org.microcredentials.review.ReviewRoundProcess;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an application's task: only a person the rules allow may hold it.
 * (Unclaiming, an empty assignee, is always allowed.) Applied to every user task by
 * {@code UserTaskEventListener}; still a task listener for instances of models from before that, which bind it.
 */
@Component
class TaskAssignmentGuard extends RuleCheckingTaskListener implements UserTaskRules {

  private final AssignmentPolicy assignmentPolicy;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final PeerReviewers peerReviewers;
  private final ApplicationRegister applications;

  TaskAssignmentGuard(AssignmentPolicy assignmentPolicy, Organisation organisation, ReviewPolicy reviewPolicy,
      PeerReviewers peerReviewers, ApplicationRegister applications) {
    this.applications = applications;
    this.assignmentPolicy = assignmentPolicy;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.peerReviewers = peerReviewers;
  }

  @Override
  public void assigned(DelegateTask task) {
    check(task);
  }

  @Override
  protected void check(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    ApplicationRegister.Application application = applications.find(ApplicationRegister.keyOf(task.getExecution())).orElse(null);
    if (application == null) {
      return;
    }
    String candidateId = application.candidateId();
    String assessorId = application.assessorId();
    switch (task.getTaskDefinitionKey()) {
      case ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR,
          ReviewRoundProcess.Tasks.REASSIGN_REVIEWER -> assignmentPolicy.checkAssigner(assignee, candidateId);
      case ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, ReviewRoundProcess.Tasks.MODERATE_SCORE,
          ReviewRoundProcess.Tasks.REASSESS_EVIDENCE ->
          TaskHolder.require(assignee, assessorId, "assessor-assesses", "the assessor");
      case ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE, ResubmissionProcess.Tasks.AMEND_APPLICATION ->
          TaskHolder.require(assignee, candidateId, "candidate-provides-evidence", "the candidate");
      case ReviewRoundProcess.Tasks.PEER_REVIEW -> {
        Engineer reviewer = organisation.find(assignee).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
            assignee + " is not an engineer of the organisation and may not peer-review."));
        reviewPolicy.checkReviewer(reviewer, candidateId, assessorId,
            peerReviewers.others(task.getExecution(), ApplicationRegister.keyOf(task.getExecution()), task.getProcessInstanceId(), task.getExecutionId()));
      }
      default -> {
      }
    }
  }

}
