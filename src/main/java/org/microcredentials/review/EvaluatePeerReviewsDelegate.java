package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Where the parallel reviews meet ({@link PeerReviewSteps#meet}): the outcome when every reviewer agrees, else the
 * reviews for the moderator ({@link PeerReviewSteps.ReviewsMet#keepOn}).
 */
@Component
class EvaluatePeerReviewsDelegate implements JavaDelegate {

  private final PeerReviewSteps steps;
  private final PeerReviewLog log;

  EvaluatePeerReviewsDelegate(PeerReviewSteps steps, PeerReviewLog log) {
    this.steps = steps;
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.meet(log.roundOf(execution)).keepOn(execution);
  }
}
