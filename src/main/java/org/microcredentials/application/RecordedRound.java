package org.microcredentials.application;

import java.util.List;

/**
 * One review round of an application as our tables record it: who applied and who assessed, the
 * applied level, the assessor's score, each peer review, and the moderated score where there was
 * one. Decisions (do the reviewers agree, is the score final, does it pass, may a credential be
 * issued) are taken from this record only, never from process variables.
 */
public record RecordedRound(String businessKey, String candidateId, String assessorId, int skillLevel,
    Integer assessedScore, List<PeerReview> reviews, Integer moderatedScore) {

  public RecordedRound {
    reviews = List.copyOf(reviews);
  }
}
