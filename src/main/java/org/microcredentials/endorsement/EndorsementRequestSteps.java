package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.ACCEPT_REQUEST;

import java.time.Clock;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.process.Holder;
import org.springframework.stereotype.Service;

/**
 * The answer to an endorsement request ({@link EndorsementIntake} takes the request): the leader asked accepts or
 * declines it, or it expires unanswered. Each is recorded in the request's row, which names the leader asked; an
 * accepted request's endorsement is for whom and what the row says, whatever a form sends.
 */
@Service
class EndorsementRequestSteps {

  private final EndorsementRequestRegister requests;
  private final Clock clock;

  EndorsementRequestSteps(EndorsementRequestRegister requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  /** The leader's answer, and the request as the candidate asked it. */
  record Considered(boolean accepted, EndorsementRequestRegister.Request request) {

    /** The answer, and for whom and what the endorsement is, as the candidate asked, whatever the form sends. */
    void showOn(VariableScope scope) {
      ACCEPT_REQUEST.on(scope, accepted);
      CANDIDATE_ID.on(scope, request.candidateId());
      SKILL_CODE.on(scope, request.skillCode());
      SKILL_LEVEL.on(scope, request.skillLevel());
    }
  }

  /**
   * The leader asked accepts ({@link #accept}) or declines ({@link #decline}); a decline's message is read only then.
   */
  Considered consider(String businessKey, String actor, boolean accepted, Supplier<String> declineMessage) {
    return new Considered(accepted,
        accepted ? accept(businessKey, actor) : decline(businessKey, actor, declineMessage.get()));
  }

  /** The leader asked accepts: the endorsement they fill in starts next, checked by its own rules. */
  EndorsementRequestRegister.Request accept(String businessKey, String actor) {
    EndorsementRequestRegister.Request request = requireAskedLeader(businessKey, actor);
    requests.recordAnswer(businessKey, EndorsementRequestRegister.Status.ACCEPTED, null, clock.instant());
    return request;
  }

  /** The leader asked declines, with a message for the candidate. */
  EndorsementRequestRegister.Request decline(String businessKey, String actor, String message) {
    EndorsementRequestRegister.Request request = requireAskedLeader(businessKey, actor);
    requests.recordAnswer(businessKey, EndorsementRequestRegister.Status.DECLINED, message, clock.instant());
    return request;
  }

  /** Left unanswered past {@code requestExpiry}: closed, it no longer counts as open. */
  void expire(String businessKey) {
    requests.recordAnswer(businessKey, EndorsementRequestRegister.Status.EXPIRED, null, clock.instant());
  }

  /** Refuses anyone but the leader asked the answer to the request; the request, as kept. */
  EndorsementRequestRegister.Request requireAskedLeader(String businessKey, String actor) {
    EndorsementRequestRegister.Request request = requests.find(businessKey).orElseThrow();
    Holder.ASKED_LEADER.require(actor, request.leaderId());
    return request;
  }
}
