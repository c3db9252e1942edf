package org.microcredentials.review;

import java.util.List;
import org.microcredentials.application.PeerReview;

/**
 * A review round as the engine runs it, what the round's steps need of the instance: the application's key, the
 * process instance its tasks are in, and the reviews a release before the round's record logged on that instance
 * ({@code peerReviews}; empty on today's rounds, see {@link ReviewsLoggedEarlier}). Read by {@link PeerReviewLog#roundOf}.
 */
public record RunningRound(String businessKey, String processInstanceId, List<PeerReview> loggedEarlier) {

  public RunningRound {
    loggedEarlier = List.copyOf(loggedEarlier);
  }
}
