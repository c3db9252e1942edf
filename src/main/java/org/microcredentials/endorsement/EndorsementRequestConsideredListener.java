package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.ACCEPT_REQUEST;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.DECLINE_MESSAGE;

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
    VariableReader input = VariableReader.of(execution);
    EndorsementRequestSteps.Considered considered = steps.consider(execution.getProcessBusinessKey(), actor,
        input.requiredBoolean(ACCEPT_REQUEST), () -> input.requiredText(DECLINE_MESSAGE));
    considered.showOn(execution);
  }
}
