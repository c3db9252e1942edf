package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.PeerReview;
import org.microcredentials.application.RecordedRound;
import org.microcredentials.process.VariableReader;
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

    /** The reviewer's form: whether they agree, else the score they propose (required then), and their comment. */
    static Verdict read(VariableReader form) {
      boolean agrees = form.requiredBoolean(REVIEW_AGREES);
      Integer proposedScore = agrees ? null
          : form.requiredWholeNumber(PROPOSED_SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
      return new Verdict(agrees, proposedScore, form.optionalText(REVIEW_COMMENT).orElse(null));
    }

    /** Clears the form's fields, recorded in the review's row, so that the next reviewer starts from an empty form. */
    static void clearForm(VariableScope execution) {
      execution.removeVariable(REVIEW_AGREES.name());
      execution.removeVariable(PROPOSED_SCORE.name());
      execution.removeVariable(REVIEW_COMMENT.name());
    }
  }

  /**
   * Where the reviews meet: every reviewer agrees and the assessor's score settles the round ({@code settled}), or a
   * reviewer disagrees and the assessor moderates, reading the reviews as text ({@code reviewsForModerator}).
   */
  public record ReviewsMet(RoundSettlement.Settled settled, String reviewsForModerator) {

    public boolean reviewersAgree() {
      return settled != null;
    }

    /**
     * Keeps what clients and forms read: when every reviewer agrees, the outcome ({@code finalScore}, {@code passed});
     * else the reviews as text for the moderator's form ({@code peerReviewSummary}), written here once, not by each
     * reviewer, so that reviewers submitting at the same moment share no row.
     */
    void keepOn(DelegateExecution execution) {
      if (decidesOnVariables(execution)) {
        REVIEWERS_AGREE.on(execution, reviewersAgree());
      }
      if (reviewersAgree()) {
        FINAL_SCORE.on(execution, settled.finalScore());
        PASSED.on(execution, settled.passed());
      } else {
        PEER_REVIEW_SUMMARY.on(execution, reviewsForModerator);
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
