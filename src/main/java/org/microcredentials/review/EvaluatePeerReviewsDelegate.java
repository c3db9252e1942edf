package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Where the parallel reviews meet ({@link PeerReviewSteps#meet}): when every reviewer agrees, the outcome clients read
 * ({@code finalScore}, {@code passed}); else the reviews as text for the moderator's form ({@code peerReviewSummary}),
 * written here once, not by each reviewer, so that reviewers submitting at the same moment share no row.
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
    PeerReviewSteps.ReviewsMet met = steps.meet(log.roundOf(execution));
    if (decidesOnVariables(execution)) {
      REVIEWERS_AGREE.on(execution, met.reviewersAgree());
    }
    if (met.reviewersAgree()) {
      FINAL_SCORE.on(execution, met.settled().finalScore());
      PASSED.on(execution, met.settled().passed());
    } else {
      PEER_REVIEW_SUMMARY.on(execution, met.reviewsForModerator());
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
