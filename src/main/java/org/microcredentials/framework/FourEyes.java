package org.microcredentials.framework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.microcredentials.RuleViolation;

/**
 * The four-eyes rules: nobody judges their own application, their own assessment or their own
 * endorsement, and a second look is taken by a second person. Every exclusion of the product is
 * here, for every process (the review round, endorsements, promotions); the level each role needs
 * is the rule of the role's own policy ({@code ReviewPolicy}, {@code EndorsementPolicy}), which
 * asks here first, so that a person refused for both hears the four-eyes reason.
 *
 * <p>The same people never see those tasks either: the {@code hiddenFrom…} lists are whom a task is
 * hidden from in Tasklist and the REST API, though they may be in its candidate group.
 *
 * <p>Plain Java on user ids, with no configuration: the rules are the product's, not an
 * organisation's setting. The rule names and messages are part of the contract (docs/contract.md).
 */
public final class FourEyes {

  private FourEyes() {
  }

  /**
   * Who never sees a group task of an application: its candidate; on a peer review also the assessor
   * whose score it reviews.
   */
  public static List<String> hiddenFromApplicationTask(String candidateId, String assessorId, boolean peerReview) {
    List<String> hidden = new ArrayList<>();
    hidden.add(candidateId);
    if (peerReview) {
      hidden.add(assessorId);
    }
    return hidden;
  }

  /** Who never sees the review of an endorsement: its endorser and its candidate. */
  public static List<String> hiddenFromEndorsementReview(String endorserId, String candidateId) {
    return List.of(endorserId, candidateId);
  }

  /** Who never sees a promotion's interview and decision: its candidate. */
  public static List<String> hiddenFromPromotionDecision(String candidateId) {
    return List.of(candidateId);
  }

  /** An assessor is never the candidate. */
  public static boolean mayAssess(String personId, String candidateId) {
    return !personId.equals(candidateId);
  }

  public static void checkAssessor(String personId, String candidateId) {
    if (!mayAssess(personId, candidateId)) {
      throw RuleViolation.forbidden("assessor-not-candidate", "A candidate never assesses their own application.");
    }
  }

  /**
   * A peer reviewer is neither the candidate, nor the assessor whose score is reviewed, nor the
   * other reviewer of the round.
   *
   * @param otherReviewers who else reviews this round: those who reviewed already and those who
   *     hold another review task of the same application
   */
  public static boolean mayPeerReview(String personId, String candidateId, String assessorId,
      Collection<String> otherReviewers) {
    return peerReviewerRefusal(personId, candidateId, assessorId, otherReviewers).isEmpty();
  }

  /** As {@link #mayPeerReview}, refused with the first exclusion that applies. */
  public static void checkPeerReviewer(String personId, String candidateId, String assessorId,
      Collection<String> otherReviewers) {
    Optional<RuleViolation> refusal = peerReviewerRefusal(personId, candidateId, assessorId, otherReviewers);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  private static Optional<RuleViolation> peerReviewerRefusal(String personId, String candidateId, String assessorId,
      Collection<String> otherReviewers) {
    if (personId.equals(candidateId)) {
      return Optional.of(RuleViolation.forbidden("reviewer-not-candidate", "A candidate never reviews their own application."));
    }
    if (personId.equals(assessorId)) {
      return Optional.of(RuleViolation.forbidden("reviewer-not-assessor",
          personId + " assessed this application and may not peer-review their own assessment."));
    }
    if (otherReviewers.contains(personId)) {
      return Optional.of(RuleViolation.forbidden("reviewers-distinct",
          personId + " already reviews this application; the second review needs another person."));
    }
    return Optional.empty();
  }

  /** Whoever assigns the assessor of an application is not its candidate. */
  public static void checkAssigner(String personId, String candidateId) {
    checkNotCandidateAssigning(personId, candidateId, "assigns the assessor of");
  }

  /** Whoever hands an application's overdue work to someone else is not its candidate: the assigner's rule. */
  public static void checkReassigner(String personId, String candidateId) {
    checkNotCandidateAssigning(personId, candidateId, "reassigns work on");
  }

  /** One rule, {@code assigner-not-candidate}, its message saying what the candidate tried. */
  private static void checkNotCandidateAssigning(String personId, String candidateId, String whatTheyDo) {
    if (personId.equals(candidateId)) {
      throw RuleViolation.forbidden("assigner-not-candidate", "A candidate never " + whatTheyDo + " their own application.");
    }
  }

  /** Nobody endorses themselves. */
  public static void checkEndorser(String endorserId, String candidateId) {
    if (endorserId.equals(candidateId)) {
      throw RuleViolation.forbidden("endorser-not-candidate", "Nobody endorses themselves: ask a leader instead.");
    }
  }

  /** A candidate asks another leader for an endorsement: bad input (400), as the leader is named in the request. */
  public static void checkRequestedLeader(String leaderId, String candidateId) {
    if (leaderId.equals(candidateId)) {
      throw RuleViolation.invalid("leader-not-candidate", "A candidate asks another leader, never themselves.");
    }
  }

  /** An endorsement is reviewed by neither its endorser nor its candidate. */
  public static void checkEndorsementReviewer(String reviewerId, String endorserId, String candidateId) {
    if (reviewerId.equals(endorserId)) {
      throw RuleViolation.forbidden("reviewer-not-endorser",
          reviewerId + " endorsed this candidate and may not review their own endorsement; another leader reviews it.");
    }
    if (reviewerId.equals(candidateId)) {
      throw RuleViolation.forbidden("reviewer-not-candidate", "A candidate never reviews their own endorsement.");
    }
  }

  /** A promotion is interviewed and decided by someone other than its candidate. */
  public static void checkDecider(String personId, String candidateId) {
    if (personId.equals(candidateId)) {
      throw RuleViolation.forbidden("decider-not-candidate",
          "The SEM team interviews and decides, never about their own application: " + personId + " is its candidate.");
    }
  }
}
