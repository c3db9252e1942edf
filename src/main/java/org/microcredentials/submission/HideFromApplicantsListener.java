package org.microcredentials.submission;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.access.ParticipantAccess;
import org.springframework.stereotype.Component;

/**
 * On creation of a group task of an application: its candidate never sees it in Tasklist or
 * through the REST API, though they may be in the group (an assessor applying, a SEM member
 * applying); nor does its assessor see the peer reviews of their own score.
 */
@Component
class HideFromApplicantsListener implements TaskListener {

  private final ApplicationRegister applications;
  private final ParticipantAccess access;

  HideFromApplicantsListener(ApplicationRegister applications, ParticipantAccess access) {
    this.applications = applications;
    this.access = access;
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
