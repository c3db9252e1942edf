package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
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
  private final EndorsementRequestSteps steps;

  EndorsementRequestConsideredListener(Actors actors, EndorsementRequestSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Consider the endorsement request");
    String businessKey = execution.getProcessBusinessKey();
    VariableReader input = VariableReader.of(execution);
    boolean accepted = input.requiredBoolean(ACCEPT_REQUEST);
    EndorsementRequestRegister.Request request = accepted
        ? steps.accept(businessKey, actor)
        : steps.decline(businessKey, actor, input.requiredText(DECLINE_MESSAGE));
    ACCEPT_REQUEST.on(execution, accepted);
    // The endorsement is for whom and what the candidate asked, whatever the form sends.
    CANDIDATE_ID.on(execution, request.candidateId());
    SKILL_CODE.on(execution, request.skillCode());
    SKILL_LEVEL.on(execution, request.skillLevel());
  }
}
