package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.REVIEW_DECISION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewEndorsement}: a level 5+ leader who is neither the endorser nor
 * the candidate approves, asks the endorser for further justification, or withdraws.
 */
@Component
class EndorsementReviewedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementSteps steps;

  EndorsementReviewedListener(Actors actors, EndorsementSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Review the endorsement");
    VariableReader input = VariableReader.of(execution);
    EndorsementSteps.Reviewed reviewed = steps.review(EndorsementInstance.of(execution), actor,
        input.requiredText(REVIEW_DECISION), input.optionalText(REVIEW_COMMENT));
    reviewed.showOn(execution);
  }
}
