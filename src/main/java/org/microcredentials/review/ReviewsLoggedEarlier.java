package org.microcredentials.review;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.PeerReview;
import org.microcredentials.application.RecordedRound;
import org.springframework.stereotype.Component;

/**
 * Peer reviews and resubmissions of an application begun on a release before the round's record
 * (migration V5: one {@code peer_review} row a review, the round's number and status on the application
 * row). Those releases kept a round's reviews only in the instance's log ({@code peerReviews}, emptied at
 * each assessment, appended at each review), and left the status of an amended application for their
 * issuing step. The steps that decide on a round read the record alone, so a round under way during the
 * upgrade would never settle: its reviews before the upgrade are missing there.
 *
 * <p>Code, not a migration: the log is a variable of running instances, which only the engine's API
 * reads (Flyway runs before the engine). The log is written by our listeners only (a task's inputs are
 * its form's fields), and on today's models it names no review the record lacks: this adds nothing there.
 */
@Component
class ReviewsLoggedEarlier {

  private final ApplicationRegister applications;
  private final Clock clock;

  ReviewsLoggedEarlier(ApplicationRegister applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  /**
   * The round as recorded, after recording in it each review of the instance's log that the record lacks: what a
   * step that decides on the round, or checks a reviewer against it, reads.
   */
  RecordedRound completeRound(RunningRound running) {
    String businessKey = running.businessKey();
    RecordedRound round = applications.round(businessKey);
    Set<String> recorded = round.reviews().stream().map(PeerReview::reviewerId).collect(Collectors.toSet());
    boolean completed = false;
    for (PeerReview review : running.loggedEarlier()) {
      if (recorded.add(review.reviewerId())) {
        applications.recordPeerReview(businessKey, review, clock.instant());
        completed = true;
      }
    }
    return completed ? applications.round(businessKey) : round;
  }

  /**
   * An application amended on an earlier release waits for its re-assessment still marked as awaiting the
   * resubmission (today's amendment opens the next round itself): the re-assessment opens it.
   */
  void openRoundAmendedEarlier(String businessKey) {
    if (applications.status(businessKey) == ApplicationRegister.Status.AWAITING_RESUBMISSION) {
      applications.startNextRound(businessKey);
    }
  }
}
