package org.microcredentials.submission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.UserTaskRules;
import org.microcredentials.review.ReviewRoundProcess;
import org.springframework.stereotype.Component;

/**
 * On creation of a group task of an application: its candidate never sees it in Tasklist or
 * through the REST API, though they may be in the group (an assessor applying, a SEM member
 * applying); nor does its assessor see the peer reviews of their own score. Applied to every
 * group task by {@code UserTaskEventListener}, also one a process owner adds without any listener.
 *
 * <p>Still a task listener by this name, because instances of the earlier model versions bind it
 * on their group tasks; there it does nothing: {@code UserTaskEventListener} has hidden the task in the same
 * command already, and a second REVOKE for the same person and task would break the command
 * ({@code RunningInstancesSurviveUpgradeTest}).
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
    if (groups != null && !groups.isBlank() && applications.find(ApplicationRegister.keyOf(task.getExecution())).isPresent()) {
      hide(task);
    }
  }

  /** Bound by the earlier model versions: their group tasks are hidden by {@link #created} already. */
  @Override
  public void notify(DelegateTask task) {
  }

  private void hide(DelegateTask task) {
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(task.getExecution()));
    access.hideFrom(task, FourEyes.hiddenFromApplicationTask(application.candidateId(), application.assessorId(),
        ReviewRoundProcess.Tasks.PEER_REVIEW.equals(task.getTaskDefinitionKey())));
  }
}
