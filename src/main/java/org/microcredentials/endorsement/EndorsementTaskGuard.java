package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.process.Holder;
import org.microcredentials.process.HolderCheckingTaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an endorsement or request task: only a person the rules of the role its model declares
 * allow may hold it ({@link Holder}, {@code ModelledHolder}); the endorsement's and the request's records name the
 * endorser and the leader asked. The rule is the one the task's completion asks ({@link EndorsementSteps},
 * {@link EndorsementRequestSteps}), so a task is held and completed under one rule. (Unclaiming, an empty assignee,
 * is always allowed.) Applied to every user task by
 * {@code UserTaskEventListener}; still a task listener for instances of models from before that, which bind it.
 */
@Component
class EndorsementTaskGuard extends HolderCheckingTaskListener {

  private final EndorsementSteps steps;
  private final EndorsementRequestSteps requestSteps;

  EndorsementTaskGuard(EndorsementSteps steps, EndorsementRequestSteps requestSteps) {
    this.steps = steps;
    this.requestSteps = requestSteps;
  }

  @Override
  protected void checkHolder(DelegateTask task, Holder holder, String assignee) {
    switch (holder) {
      case ENDORSEMENT_REVIEWER -> steps.requireReviewer(businessKey(task), assignee);
      case ENDORSER -> steps.requireEndorser(businessKey(task), assignee);
      case ASKED_LEADER -> requestSteps.requireAskedLeader(businessKey(task), assignee);
      default -> {
        // the roles of applications and promotions: their records name who holds them (TaskAssignmentGuard, PromotionTaskRules)
      }
    }
  }

  private static String businessKey(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

}
