package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code EndorsementRequestProcess}: the authenticated user is the candidate; the leader
 * asked may endorse them, the skill level is one an endorsement could give, and the candidate has
 * fewer than the allowed number of requests open ({@link EndorsementIntake#acceptRequest}). The instance gets the
 * request's business key.
 */
@Component
class EndorsementRequestStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementIntake intake;
  private final ParticipantAccess access;

  EndorsementRequestStartListener(Actors actors, EndorsementIntake intake, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("ask for an endorsement");
    EndorsementIntake.AcceptedRequest accepted = intake.acceptRequest(
        EndorsementIntake.SentRequest.of(execution, candidateId));
    accepted.showOn(execution);
    access.letFollow(execution, candidateId);
  }
}
