package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ModelledHolder;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On creation of an endorsement review (a task its model gives to {@link Holder#ENDORSEMENT_REVIEWER}): the endorser
 * and the candidate, who may be endorsement reviewers themselves, never see it in Tasklist or through the REST API.
 * Applied by {@code UserTaskEventListener}. Still a task listener by this name, because instances of the earlier model
 * versions bind it; there it does nothing, the review being hidden in the same command already.
 */
@Component
class HideReviewFromParticipantsListener implements TaskListener, UserTaskRules {

  private final EndorsementSteps steps;
  private final ParticipantAccess access;

  HideReviewFromParticipantsListener(EndorsementSteps steps, ParticipantAccess access) {
    this.steps = steps;
    this.access = access;
  }

  @Override
  public void created(DelegateTask task) {
    access.hideFrom(task,
        steps.hiddenFromTask(ModelledHolder.of(task), () -> task.getExecution().getProcessBusinessKey()));
  }

  /** Bound by the earlier model versions: the review is hidden by {@link #created} already. */
  @Override
  public void notify(DelegateTask task) {
  }
}
