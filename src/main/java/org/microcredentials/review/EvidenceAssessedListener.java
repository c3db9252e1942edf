package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Completion of {@code Task_AssessEvidence}: the assessor either asks the candidate for more
 * evidence, or scores 0..10 with a justification (and, below the pass mark, improvement areas).
 */
@Component
class EvidenceAssessedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ScorePolicy scorePolicy;
  private final PeerReviewLog peerReviewLog;
  private final ApplicationRegister applications;
  private final ReviewsLoggedEarlier loggedEarlier;

  EvidenceAssessedListener(Actors actors, ScorePolicy scorePolicy, PeerReviewLog peerReviewLog,
      ApplicationRegister applications, ReviewsLoggedEarlier loggedEarlier) {
    this.applications = applications;
    this.loggedEarlier = loggedEarlier;
    this.actors = actors;
    this.scorePolicy = scorePolicy;
    this.peerReviewLog = peerReviewLog;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Assess the evidence");
    String assessorId = applications.application(ApplicationRegister.keyOf(execution)).assessorId();
    TaskHolder.require(actor, assessorId, "assessor-assesses", "the assessor");
    // Amended on an earlier release, which left the status for its issuing step: the re-assessment opens the round.
    loggedEarlier.openRoundAmendedEarlier(execution);
    VariableReader input = VariableReader.of(execution);
    boolean moreEvidence = input.optionalBoolean(MORE_EVIDENCE_REQUESTED, false);
    input.keepAs(MORE_EVIDENCE_REQUESTED, moreEvidence);
    if (moreEvidence) {
      input.requiredText(EVIDENCE_REQUEST);
      return;
    }
    int score = input.requiredWholeNumber(SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
    String justification = input.requiredText(JUSTIFICATION);
    Optional<String> improvementAreas = input.optionalText(IMPROVEMENT_AREAS);
    scorePolicy.checkImprovementAreas(score, improvementAreas);
    input.keepAs(SCORE, score);
    applications.recordAssessment(ApplicationRegister.keyOf(execution), score, justification, improvementAreas.orElse(null));
    // A new round of peer review and moderation starts from nothing: an earlier round's review log (kept
    // by earlier releases only; ReviewsLoggedEarlier and PeerReviewers read it) and its summary for the
    // moderator are emptied where they exist. Today's rounds write no log, and the summary only when a
    // reviewer disagrees.
    if (execution.hasVariable(PEER_REVIEWS)) {
      peerReviewLog.write(execution, PEER_REVIEWS, List.of());
    }
    if (execution.hasVariable(PEER_REVIEW_SUMMARY)) {
      execution.setVariable(PEER_REVIEW_SUMMARY, "");
    }
    execution.removeVariable(MODERATION_JUSTIFICATION);
  }
}
