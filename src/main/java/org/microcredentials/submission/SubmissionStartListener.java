package org.microcredentials.submission;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code SelfSubmissionProcess}: the authenticated user applies for a skill at a level with an impact
 * statement, accepted or refused by {@link SubmissionIntake#accept} before anything is kept; the instance gets the
 * application's business key and what its round and forms show.
 */
@Component
class SubmissionStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final SubmissionIntake intake;
  private final ParticipantAccess access;

  SubmissionStartListener(Actors actors, SubmissionIntake intake, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("submit an application");
    SubmissionIntake.Accepted accepted = intake.accept(SubmissionIntake.Sent.of(execution, candidateId));
    accepted.showOn(execution);
    access.letFollow(execution, candidateId);
  }
}
