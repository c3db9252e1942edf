package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ModelledHolder;
import org.microcredentials.process.RuleCheckingTaskListener;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an endorsement or request task: only a person the rules of the role its model declares
 * allow may hold it ({@link Holder}, {@link ModelledHolder}); the endorsement's and the request's records name the
 * endorser and the leader asked. (Unclaiming, an empty assignee, is always allowed.) Applied to every user task by
 * {@code UserTaskEventListener}; still a task listener for instances of models from before that, which bind it.
 */
@Component
class EndorsementTaskGuard extends RuleCheckingTaskListener implements UserTaskRules {

  private final EndorsementSteps steps;
  private final EndorsementRegister endorsements;
  private final EndorsementRequestRegister requests;

  EndorsementTaskGuard(EndorsementSteps steps, EndorsementRegister endorsements, EndorsementRequestRegister requests) {
    this.steps = steps;
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
    Holder holder = ModelledHolder.of(task).orElse(null);
    if (holder == null) {
      return;
    }
    switch (holder) {
      case ENDORSEMENT_REVIEWER -> steps.requireReviewer(businessKey(task), assignee);
      case ENDORSER -> holder.require(assignee, endorsements.endorsement(businessKey(task)).endorserId());
      case ASKED_LEADER -> holder.require(assignee, requests.find(businessKey(task)).orElseThrow().leaderId());
      default -> {
        // the roles of applications and promotions: their records name who holds them (TaskAssignmentGuard, PromotionTaskRules)
      }
    }
  }

  private static String businessKey(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

}
