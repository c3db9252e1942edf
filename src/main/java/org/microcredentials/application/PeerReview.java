package org.microcredentials.application;

import java.util.Collection;

/** One reviewer's verdict on the assessor's score: agreement, or another score with a comment. */
public record PeerReview(String reviewerId, boolean agrees, Integer proposedScore, String comment) {

  /** Reviewers agree when every one of them agrees with the score (or proposes the same score). */
  public static boolean allAgree(int score, Collection<PeerReview> reviews) {
    return reviews.stream().allMatch(review -> review.agrees() || review.proposedScore() == score);
  }
}
