package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.ADDITIONAL_JUSTIFICATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ProvideJustification}: the endorser answers the reviewer's question.
 * Every round is kept in {@code justificationHistory}, which the reviewer's form shows.
 */
@Component
class JustificationProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementSteps steps;

  JustificationProvidedListener(Actors actors, EndorsementSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide further justification");
    String added = VariableReader.of(execution).requiredText(ADDITIONAL_JUSTIFICATION);
    EndorsementSteps.Justified justified = steps.justify(EndorsementInstance.of(execution), actor, added);
    justified.showOn(execution);
  }
}
