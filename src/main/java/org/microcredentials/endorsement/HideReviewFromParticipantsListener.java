package org.microcredentials.endorsement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On creation of an endorsement review: the endorser and the candidate, who may be endorsement
 * reviewers themselves, never see it in Tasklist or through the REST API. Applied by
 * {@code EveryUserTask}; still a task listener for instances of models from before that, which bind it.
 */
@Component
class HideReviewFromParticipantsListener implements TaskListener, UserTaskRules {

  private final EndorsementRegister endorsements;
  private final ParticipantAccess access;

  HideReviewFromParticipantsListener(EndorsementRegister endorsements, ParticipantAccess access) {
    this.endorsements = endorsements;
    this.access = access;
  }

  @Override
  public void created(DelegateTask task) {
    if (EndorsementProcess.Tasks.REVIEW_ENDORSEMENT.equals(task.getTaskDefinitionKey())) {
      notify(task);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(task.getExecution().getProcessBusinessKey());
    access.hideFrom(task, List.of(endorsement.endorserId(), endorsement.candidateId()));
  }
}
