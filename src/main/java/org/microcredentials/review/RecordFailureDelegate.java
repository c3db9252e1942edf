package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A failed round keeps its outcome ({@link RoundOutcome#recordFailure}); the justification is kept on the instance
 * for the failure mail and the amendment form.
 */
@Component
class RecordFailureDelegate implements JavaDelegate {

  private final RoundOutcome outcome;
  private final PeerReviewLog log;

  RecordFailureDelegate(RoundOutcome outcome, PeerReviewLog log) {
    this.outcome = outcome;
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OUTCOME_JUSTIFICATION.on(execution, outcome.recordFailure(log.roundOf(execution)));
  }
}
