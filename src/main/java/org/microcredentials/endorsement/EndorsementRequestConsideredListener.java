package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.CANDIDATE_ID;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.SKILL_CODE;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.Holder;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ConsiderEndorsementRequest}: the leader asked accepts (and the
 * endorsement they fill in starts next, in the same transaction, checked by its own rules) or
 * declines with a message for the candidate.
 */
@Component
class EndorsementRequestConsideredListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementRequestRegister requests;
  private final Clock clock;

  EndorsementRequestConsideredListener(Actors actors, EndorsementRequestRegister requests, Clock clock) {
    this.actors = actors;
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Consider the endorsement request");
    EndorsementRequestRegister.Request request = requests.find(execution.getProcessBusinessKey()).orElseThrow();
    Holder.ASKED_LEADER.require(actor, request.leaderId());
    VariableReader input = VariableReader.of(execution);
    boolean accepted = input.requiredBoolean(ACCEPT_REQUEST);
    execution.setVariable(ACCEPT_REQUEST, accepted);
    // The endorsement is for whom and what the candidate asked, whatever the form sends.
    execution.setVariable(CANDIDATE_ID, request.candidateId());
    execution.setVariable(SKILL_CODE, request.skillCode());
    execution.setVariable(SKILL_LEVEL, request.skillLevel());
    if (accepted) {
      requests.recordAnswer(request.businessKey(), EndorsementRequestRegister.Status.ACCEPTED, null, clock.instant());
    } else {
      String answer = input.requiredText(DECLINE_MESSAGE);
      requests.recordAnswer(request.businessKey(), EndorsementRequestRegister.Status.DECLINED, answer, clock.instant());
    }
  }
}
