package org.microcredentials.submission;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * On creation of a group task of an application: its candidate never sees it in Tasklist or
 * through the REST API, though they may be in the group (an assessor applying, a SEM member
 * applying); nor does its assessor see the peer reviews of their own score. Applied to every
 * group task by {@code EveryUserTask}, also one a process owner adds without any listener; still a
 * task listener for instances of models from before that, which bind it (hiding twice is hiding once).
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
    if (groups != null && !groups.isBlank() && applications.find(task.getExecution().getProcessBusinessKey()).isPresent()) {
      notify(task);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    ApplicationRegister.Application application = applications.application(task.getExecution().getProcessBusinessKey());
    List<String> hidden = new ArrayList<>();
    hidden.add(application.candidateId());
    if (SelfSubmissionProcess.Tasks.PEER_REVIEW.equals(task.getTaskDefinitionKey())) {
      hidden.add(application.assessorId());
    }
    access.hideFrom(task, hidden);
  }
}
