package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.RuleCheckingTaskListener;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an endorsement or request task: only a person the rules allow may
 * hold it. (Unclaiming, an empty assignee, is always allowed.) Applied to every user task by
 * {@code UserTaskEventListener}; still a task listener for instances of models from before that, which bind it.
 */
@Component
class EndorsementTaskGuard extends RuleCheckingTaskListener implements UserTaskRules {

  private final Organisation organisation;
  private final EndorsementPolicy policy;
  private final EndorsementRegister endorsements;
  private final EndorsementRequestRegister requests;

  EndorsementTaskGuard(Organisation organisation, EndorsementPolicy policy, EndorsementRegister endorsements,
      EndorsementRequestRegister requests) {
    this.organisation = organisation;
    this.policy = policy;
    this.endorsements = endorsements;
    this.requests = requests;
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
    switch (task.getTaskDefinitionKey()) {
      case EndorsementProcess.Tasks.REVIEW_ENDORSEMENT -> {
        Engineer reviewer = organisation.find(assignee).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
            assignee + " is not an engineer of the organisation and may not review an endorsement."));
        EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey(task));
        policy.checkReviewer(reviewer, endorsement.endorserId(), endorsement.candidateId());
      }
      case EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION ->
          TaskHolder.require(assignee, endorsements.endorsement(businessKey(task)).endorserId(), "endorser-justifies",
              "the endorser");
      case EndorsementRequestProcess.Tasks.CONSIDER_REQUEST ->
          TaskHolder.require(assignee, requests.find(businessKey(task)).orElseThrow().leaderId(),
              "asked-leader-answers", "the leader asked");
      default -> {
      }
    }
  }

  private static String businessKey(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

}
