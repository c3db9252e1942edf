package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.microcredentials.access.ParticipantAccess;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/** Start of a resubmission or of a review round: the candidate may follow it, as they follow the application. */
// Named as before: the review round and resubmission models, older versions with running instances too, bind ${followApplicationListener}.
@Component("followApplicationListener")
class LetCandidateFollowListener implements ExecutionListener {

  private final ApplicationRegister applications;
  private final ParticipantAccess access;

  LetCandidateFollowListener(ApplicationRegister applications, ParticipantAccess access) {
    this.applications = applications;
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    access.letFollow(execution, applications.application(ApplicationRegister.keyOf(execution)).candidateId());
  }
}
