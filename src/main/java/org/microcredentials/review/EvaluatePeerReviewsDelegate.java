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
 * clients read from it, and the round's reviews for the moderator's form and Cockpit: written here,
 * once, and not by each reviewer, so that reviewers submitting at the same moment share no row.
 */
@Component
class EvaluatePeerReviewsDelegate implements JavaDelegate {

  private final RoundSettlement settlement;
  private final ApplicationRegister applications;
  private final PeerReviewLog peerReviewLog;
  private final ReviewsLoggedEarlier loggedEarlier;

  EvaluatePeerReviewsDelegate(RoundSettlement settlement, ApplicationRegister applications, PeerReviewLog peerReviewLog,
      ReviewsLoggedEarlier loggedEarlier) {
    this.loggedEarlier = loggedEarlier;
    this.applications = applications;
    this.settlement = settlement;
    this.peerReviewLog = peerReviewLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // A round begun on an earlier release has reviews in the instance's log only.
    loggedEarlier.completeRound(execution);
    RecordedRound round = applications.round(ApplicationRegister.keyOf(execution));
    peerReviewLog.write(execution, PEER_REVIEWS, round.reviews());
    execution.setVariable(PEER_REVIEW_SUMMARY, PeerReviewLog.summary(round.reviews()));
    boolean agree = settlement.reviewersAgree(round);
    execution.setVariable(REVIEWERS_AGREE, agree);
    if (agree) {
      RoundSettlement.Settled settled = settlement.settle(round);
      execution.setVariable(FINAL_SCORE, settled.finalScore());
      execution.setVariable(PASSED, settled.passed());
    }
  }
}
