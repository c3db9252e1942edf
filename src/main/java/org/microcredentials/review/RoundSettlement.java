package org.microcredentials.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.microcredentials.application.PeerReview;
import org.microcredentials.application.RecordedRound;
import org.microcredentials.framework.FourEyes;

/**
 * Whether a recorded round is settled, and with which final score. A round is settled when the
 * assessor scored, as many distinct eligible people reviewed as the applied level requires, and,
 * where a reviewer disagreed, the assessor moderated. Anything else is not a round that may yield
 * a credential, however the process got to ask.
 */
@Component
public class RoundSettlement {

  /** The final score of a settled round, whether it passes, and who reviewed it. */
  public record Settled(int finalScore, boolean passed, boolean moderated, List<String> reviewerIds) {
  }

  /** Thrown where a step would decide on a round that is not settled: an incident, not a credential. */
  public static class UnsettledRound extends IllegalStateException {
    UnsettledRound(String businessKey, List<String> missing) {
      super("Application " + businessKey + " has no settled review round: " + String.join("; ", missing) + ".");
    }
  }

  private final ReviewPolicy reviewPolicy;
  private final ScorePolicy scorePolicy;

  public RoundSettlement(ReviewPolicy reviewPolicy, ScorePolicy scorePolicy) {
    this.reviewPolicy = reviewPolicy;
    this.scorePolicy = scorePolicy;
  }

  /** Reviewers needed for the round: one below level 4, two from level 4. */
  public int reviewerCount(RecordedRound round) {
    return reviewPolicy.reviewerCount(round.skillLevel());
  }

  /** Every reviewer of the round agrees with the assessor's score. */
  public boolean reviewersAgree(RecordedRound round) {
    return reviewProblems(round).isEmpty() && PeerReview.allAgree(round.assessedScore(), round.reviews());
  }

  /** The round's outcome, or {@link UnsettledRound} naming what is missing. */
  public Settled settle(RecordedRound round) {
    List<String> missing = new ArrayList<>(reviewProblems(round));
    if (missing.isEmpty()) {
      boolean agree = PeerReview.allAgree(round.assessedScore(), round.reviews());
      if (!agree && round.moderatedScore() == null) {
        missing.add("a reviewer disagreed and the assessor has not moderated");
      }
      if (missing.isEmpty()) {
        int finalScore = agree ? round.assessedScore() : round.moderatedScore();
        return new Settled(finalScore, scorePolicy.passes(finalScore), !agree,
            round.reviews().stream().map(PeerReview::reviewerId).toList());
      }
    }
    throw new UnsettledRound(round.businessKey(), missing);
  }

  private List<String> reviewProblems(RecordedRound round) {
    List<String> problems = new ArrayList<>();
    if (round.assessorId() == null) {
      problems.add("no assessor was assigned");
    }
    if (round.assessedScore() == null) {
      problems.add("the assessor has not scored");
    }
    int needed = reviewerCount(round);
    if (round.reviews().size() != needed) {
      problems.add(round.reviews().size() + " peer review(s) recorded where level " + round.skillLevel() + " needs " + needed);
    }
    Set<String> reviewers = new HashSet<>();
    for (PeerReview review : round.reviews()) {
      if (!FourEyes.mayPeerReview(review.reviewerId(), round.candidateId(), round.assessorId(), reviewers)) {
        problems.add(review.reviewerId() + " may not be a reviewer of this round");
      }
      reviewers.add(review.reviewerId());
    }
    return problems;
  }
}
