package org.microcredentials.application;

import java.util.Collection;
import org.microcredentials.RuleViolation;

/** One reviewer's verdict on the assessor's score: agreement, or another score with a comment. */
public record PeerReview(String reviewerId, boolean agrees, Integer proposedScore, String comment) {

  /**
   * A review as a reviewer submits it: one who disagrees proposes a score and says why ({@code required-reviewComment}).
   * The proposed score's range is the score's rule ({@code ScorePolicy}), checked where it is read.
   */
  public static PeerReview submitted(String reviewerId, boolean agrees, Integer proposedScore, String comment) {
    if (!agrees && (comment == null || comment.isBlank())) {
      throw RuleViolation.invalid("required-reviewComment",
          "'reviewComment' is required when proposing another score: say why.");
    }
    return new PeerReview(reviewerId, agrees, agrees ? null : proposedScore, comment);
  }

  /** Reviewers agree when every one of them agrees with the score (or proposes the same score). */
  public static boolean allAgree(int score, Collection<PeerReview> reviews) {
    return reviews.stream().allMatch(review -> review.agrees() || review.proposedScore() == score);
  }
}
