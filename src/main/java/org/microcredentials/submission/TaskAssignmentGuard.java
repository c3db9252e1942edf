package org.microcredentials.submission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.process.Holder;
import org.microcredentials.process.HolderCheckingTaskListener;
import org.microcredentials.review.AssignmentPolicy;
import org.microcredentials.review.PeerReviewLog;
import org.microcredentials.review.PeerReviewers;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an application's task: only a person the rules of the role its model declares allow may
 * hold it ({@link Holder}, {@code ModelledHolder}); the application's record names the assessor and the candidate.
 * (Unclaiming, an empty assignee, is always allowed.) Applied to every user task by {@code UserTaskEventListener};
 * still a task listener for instances of models from before that, which bind it.
 */
@Component
class TaskAssignmentGuard extends HolderCheckingTaskListener {

  private final AssignmentPolicy assignmentPolicy;
  private final PeerReviewers peerReviewers;
  private final PeerReviewLog peerReviewLog;
  private final ApplicationRegister applications;

  TaskAssignmentGuard(AssignmentPolicy assignmentPolicy, PeerReviewers peerReviewers, PeerReviewLog peerReviewLog,
      ApplicationRegister applications) {
    this.applications = applications;
    this.assignmentPolicy = assignmentPolicy;
    this.peerReviewers = peerReviewers;
    this.peerReviewLog = peerReviewLog;
  }

  @Override
  protected void checkHolder(DelegateTask task, Holder holder, String assignee) {
    ApplicationRegister.Application application = applications.find(ApplicationRegister.keyOf(task.getExecution())).orElse(null);
    if (application == null) {
      return;
    }
    String candidateId = application.candidateId();
    String assessorId = application.assessorId();
    switch (holder) {
      case SEM_TEAM_ASSIGNER -> assignmentPolicy.checkAssigner(assignee, candidateId);
      case ASSESSOR -> holder.require(assignee, assessorId);
      case CANDIDATE -> holder.require(assignee, candidateId);
      case PEER_REVIEWER -> peerReviewers.checkReviewer(assignee, candidateId, assessorId,
          peerReviewLog.roundOf(task.getExecution()), task.getExecutionId());
      default -> {
        // the roles of endorsements and promotions: their records name who holds them (EndorsementTaskGuard, PromotionTaskRules)
      }
    }
  }

}
