package org.microcredentials.submission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ModelledHolder;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On creation of a group task of an application, applied to every one by {@code UserTaskEventListener}: it is hidden
 * from whom {@link FourEyes#hiddenFromApplicationTask} names (its candidate; on a peer review, a task its model gives
 * to {@link Holder#PEER_REVIEWER}, its assessor too), as the application's record names them, though they may be in the
 * group.
 *
 * <p>Still a task listener by this name, because instances of the earlier model versions bind it on their group tasks;
 * there it does nothing: {@link #created} has hidden the task in the same command already, and a second REVOKE for the
 * same person and task would break the command ({@code RunningInstancesSurviveUpgradeTest}).
 */
@Component
class HideFromApplicantsListener implements TaskListener, UserTaskRules {

  private final ApplicationRegister applications;
  private final ParticipantAccess access;

  HideFromApplicantsListener(ApplicationRegister applications, ParticipantAccess access) {
    this.applications = applications;
    this.access = access;
  }

  @Override
  public void created(DelegateTask task) {
    String groups = ((UserTask) task.getBpmnModelElementInstance()).getCamundaCandidateGroups();
    if (groups == null || groups.isBlank()) {
      return;
    }
    boolean peerReview = ModelledHolder.of(task).orElse(null) == Holder.PEER_REVIEWER;
    applications.find(ApplicationRegister.keyOf(task.getExecution())).ifPresent(application -> access.hideFrom(task,
        FourEyes.hiddenFromApplicationTask(application.candidateId(), application.assessorId(), peerReview)));
  }

  @Override
  public void notify(DelegateTask task) {
  }
}
