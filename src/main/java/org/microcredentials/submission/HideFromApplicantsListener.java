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
 * from whom {@link ApplicationTaskViewers} and {@link FourEyes#hiddenFromApplicationTask} name (its candidate; on a peer review, a task its model gives
 * to {@link Holder#PEER_REVIEWER}, its assessor too), as the application's record names them, though they may be in the
 * group.
 *
 * <p>Still a task listener by this name, because instances of the earlier model versions bind it on their group tasks;
 * there it does nothing: {@link #created} has hidden the task in the same command already, and a second REVOKE for the
 * same person and task would break the command ({@code RunningInstancesSurviveUpgradeTest}).
 */
@Component
class HideFromApplicantsListener implements TaskListener, UserTaskRules {

  private final ApplicationTaskViewers viewers;
  private final ParticipantAccess access;

  HideFromApplicantsListener(ApplicationTaskViewers viewers, ParticipantAccess access) {
    this.viewers = viewers;
    this.access = access;
  }

  @Override
  public void created(DelegateTask task) {
    String groups = ((UserTask) task.getBpmnModelElementInstance()).getCamundaCandidateGroups();
    access.hideFrom(task, viewers.hiddenFrom(groups, () -> ModelledHolder.of(task),
        () -> ApplicationRegister.keyOf(task.getExecution())));
  }

  @Override
  public void notify(DelegateTask task) {
  }
}
