package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.application.RecordedRound;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Where the parallel reviews meet: if every reviewer agrees, the assessor's score is final. Reads
 * the round as recorded (the assessor's score, each review) and writes only what a reader needs:
 * the outcome variables clients read ({@code finalScore}, {@code passed}) when the score is settled
 * here, and, when a reviewer disagrees, the reviews as text for the moderator's form
 * ({@code peerReviewSummary}): written here, once, and not by each reviewer, so that reviewers
 * submitting at the same moment share no row. The reviews themselves are read from their rows
 * ({@code peer_review}), not from a variable.
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
    if (decidesOnVariables(execution)) {
      execution.setVariable(REVIEWERS_AGREE, agree);
    }
    if (agree) {
      RoundSettlement.Settled settled = settlement.settle(round);
      execution.setVariable(FINAL_SCORE, settled.finalScore());
      execution.setVariable(PASSED, settled.passed());
    } else {
      execution.setVariable(PEER_REVIEW_SUMMARY, PeerReviewLog.summary(round.reviews()));
    }
  }

  /**
   * The self-submission and resubmission models of the first release, which ran the review in
   * themselves, decide at their gateway on the variable {@code reviewersAgree}; an instance of them
   * still running is finished by this code. The review round decides on the record
   * ({@code applicationFacts}) and needs no variable. (A process definition id starts with its key.)
   */
  private static boolean decidesOnVariables(DelegateExecution execution) {
    return !execution.getProcessDefinitionId().startsWith(ReviewRoundProcess.KEY + ":");
  }
}
