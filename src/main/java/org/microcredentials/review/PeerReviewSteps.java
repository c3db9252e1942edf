package org.microcredentials.review;

import java.time.Clock;
import org.camunda.bpm.engine.TaskService;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.PeerReview;
import org.microcredentials.application.RecordedRound;
import org.springframework.stereotype.Service;

/**
 * The peer review of a round: each reviewer's review, recorded in its row ({@code peer_review}), and the point where
 * the parallel reviews meet. Who reviews and who is reviewed come from the round as recorded, never from a variable;
 * a round begun on an earlier release first takes in the reviews its instance logged ({@link ReviewsLoggedEarlier}).
 */
@Service
public class PeerReviewSteps {

  /** A reviewer's verdict on the assessor's score: agreement, or another score ({@code proposedScore}) and why. */
  public record Verdict(boolean agrees, Integer proposedScore, String comment) {
  }

  /**
   * Where the reviews meet: every reviewer agrees and the assessor's score settles the round ({@code settled}), or a
   * reviewer disagrees and the assessor moderates, reading the reviews as text ({@code reviewsForModerator}).
   */
  public record ReviewsMet(RoundSettlement.Settled settled, String reviewsForModerator) {

    public boolean reviewersAgree() {
      return settled != null;
    }
  }

  private final ApplicationRegister applications;
  private final PeerReviewers reviewers;
  private final ReviewsLoggedEarlier loggedEarlier;
  private final RoundSettlement settlement;
  private final TaskService tasks;
  private final Clock clock;

  PeerReviewSteps(ApplicationRegister applications, PeerReviewers reviewers, ReviewsLoggedEarlier loggedEarlier,
      RoundSettlement settlement, TaskService tasks, Clock clock) {
    this.applications = applications;
    this.reviewers = reviewers;
    this.loggedEarlier = loggedEarlier;
    this.settlement = settlement;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** {@code actor} reviews the assessor's score in the review task of {@code reviewExecutionId}, as the review rules allow. */
  public void review(RunningRound round, String reviewExecutionId, String actor, Verdict verdict) {
    // A round begun on an earlier release: its reviews before the upgrade count as others' reviews.
    RecordedRound recorded = loggedEarlier.completeRound(round);
    refuseARepeatOfACompletedReview(recorded, reviewExecutionId, actor);
    reviewers.checkReviewer(actor, recorded.candidateId(), recorded.assessorId(), round, reviewExecutionId);
    PeerReview review = PeerReview.submitted(actor, verdict.agrees(), verdict.proposedScore(), verdict.comment());
    // The review's one home is its row. Nothing shared with the other reviewers is written here: what the moderator
    // reads is written once, where the reviews meet (meet), so that two reviewers submitting at the same moment
    // change no row in common and neither waits for the other.
    applications.recordPeerReview(round.businessKey(), review, clock.instant());
  }

  /** The reviews meet: whether the reviewers agree, and so what settles the round or what the moderator reads. */
  public ReviewsMet meet(RunningRound round) {
    RecordedRound recorded = loggedEarlier.completeRound(round);
    return settlement.reviewersAgree(recorded) ? new ReviewsMet(settlement.settle(recorded), null)
        : new ReviewsMet(null, PeerReviewLog.summary(recorded.reviews()));
  }

  /**
   * The same review sent twice at once (a double click, a client's retry): by the time this one checks, the
   * other has recorded the reviewer's review and completed this very task. That is no second review by the same
   * person (the four-eyes rule's refusal would say so): it is a task no longer open, answered as such. The
   * task's row is read afresh, past what this request has loaded.
   */
  private void refuseARepeatOfACompletedReview(RecordedRound round, String reviewExecutionId, String actor) {
    boolean recorded = round.reviews().stream().anyMatch(review -> review.reviewerId().equals(actor));
    if (recorded && tasks.createTaskQuery().executionId(reviewExecutionId).count() == 0) {
      throw RuleViolation.notFound("task-not-found", "The peer review is no longer open: " + actor
          + "'s review of this round was recorded by a request sent at the same moment; nothing was done twice.");
    }
  }
}
