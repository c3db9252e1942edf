package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code EndorsementProcess}: the authenticated user is the endorser; the endorsement as sent
 * ({@link EndorsementIntake.SentEndorsement}) meets every endorsement rule before anything is kept
 * ({@link EndorsementIntake#acceptEndorsement}). A leader's own endorsement gets a new business key (END-...); one
 * that answers a request, called from {@code EndorsementRequestProcess} while the leader completes their task, keeps
 * the request's key.
 */
@Component
class EndorsementStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementIntake intake;
  private final EndorsementPolicy policy;
  private final ParticipantAccess access;

  EndorsementStartListener(Actors actors, EndorsementIntake intake, EndorsementPolicy policy, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.policy = policy;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String endorserId = actors.requireCurrentUser("endorse an engineer");
    EndorsementIntake.SentEndorsement sent = EndorsementIntake.SentEndorsement.of(execution, endorserId, policy);
    EndorsementIntake.AcceptedEndorsement accepted = intake.acceptEndorsement(sent);
    accepted.showOn(execution);
    access.letFollow(execution, endorserId);
  }
}
