package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.application.RecordedRound;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Where the parallel reviews meet: if every reviewer agrees, the assessor's score is final. Reads
 * the round as recorded (the assessor's score, each review), and writes the outcome variables
 * clients read from it.
 */
@Component
class EvaluatePeerReviewsDelegate implements JavaDelegate {

  private final RoundSettlement settlement;
  private final ApplicationRegister applications;
  private final ReviewsLoggedEarlier loggedEarlier;

  EvaluatePeerReviewsDelegate(RoundSettlement settlement, ApplicationRegister applications,
      ReviewsLoggedEarlier loggedEarlier) {
    this.loggedEarlier = loggedEarlier;
    this.applications = applications;
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // A round begun on an earlier release has reviews in the instance's log only.
    loggedEarlier.completeRound(execution);
    RecordedRound round = applications.round(ApplicationRegister.keyOf(execution));
    boolean agree = settlement.reviewersAgree(round);
    execution.setVariable(REVIEWERS_AGREE, agree);
    if (agree) {
      RoundSettlement.Settled settled = settlement.settle(round);
      execution.setVariable(FINAL_SCORE, settled.finalScore());
      execution.setVariable(PASSED, settled.passed());
    }
  }
}
