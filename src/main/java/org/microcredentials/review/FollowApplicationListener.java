package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.microcredentials.access.ParticipantAccess;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/** Start of a resubmission or of a review round: the candidate may follow it, as they follow the application. */
@Component
class FollowApplicationListener implements ExecutionListener {

  private final ApplicationRegister applications;
  private final ParticipantAccess access;

  FollowApplicationListener(ApplicationRegister applications, ParticipantAccess access) {
    this.applications = applications;
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    access.letFollow(execution, applications.application(ApplicationRegister.keyOf(execution)).candidateId());
  }
}
