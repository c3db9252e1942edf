package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AssessEvidence}: the assessor either asks the candidate for more
 * evidence, or scores 0..10 with a justification (and, below the pass mark, improvement areas).
 */
@Component
class EvidenceAssessedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;
  private final PeerReviewLog peerReviewLog;

  EvidenceAssessedListener(Actors actors, ReviewRoundSteps steps, PeerReviewLog peerReviewLog) {
    this.actors = actors;
    this.steps = steps;
    this.peerReviewLog = peerReviewLog;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Assess the evidence");
    String businessKey = ApplicationRegister.keyOf(execution);
    VariableReader input = VariableReader.of(execution);
    boolean moreEvidence = input.optionalBoolean(MORE_EVIDENCE_REQUESTED, false);
    if (moreEvidence) {
      steps.askForMoreEvidence(businessKey, actor);
      input.keepAs(MORE_EVIDENCE_REQUESTED, true);
      input.requiredText(EVIDENCE_REQUEST);
      return;
    }
    int score = input.requiredWholeNumber(SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
    steps.assess(businessKey, actor,
        new ReviewRoundSteps.Score(score, input.requiredText(JUSTIFICATION), input.optionalText(IMPROVEMENT_AREAS)));
    input.keepAs(MORE_EVIDENCE_REQUESTED, false);
    input.keepAs(SCORE, score);
    // A new round of peer review and moderation starts from nothing: an earlier round's review log (kept
    // by earlier releases only; ReviewsLoggedEarlier and PeerReviewers read it) and its summary for the
    // moderator are emptied where they exist. Today's rounds write no log, and the summary only when a
    // reviewer disagrees.
    if (execution.hasVariable(PEER_REVIEWS.name())) {
      peerReviewLog.write(execution, PEER_REVIEWS, List.of());
    }
    if (execution.hasVariable(PEER_REVIEW_SUMMARY.name())) {
      PEER_REVIEW_SUMMARY.on(execution, "");
    }
    execution.removeVariable(MODERATION_JUSTIFICATION.name());
  }
}
