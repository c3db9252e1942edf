package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** Every four-eyes exclusion, with the rule name, status and message clients see (docs/contract.md). */
class FourEyesTest {

  @Test
  void aCandidateNeverAssessesTheirOwnApplication() {
    assertThat(FourEyes.mayAssess("carol", "alice")).isTrue();
    assertThat(FourEyes.mayAssess("alice", "alice")).isFalse();
    assertThatCode(() -> FourEyes.checkAssessor("carol", "alice")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkAssessor("alice", "alice"), "assessor-not-candidate", 403,
        "A candidate never assesses their own application.");
  }

  @Test
  void aPeerReviewerIsNeitherTheCandidateNorTheAssessorNorTheOtherReviewer() {
    assertThatCode(() -> FourEyes.checkPeerReviewer("erin", "alice", "carol", Set.of("frank"))).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkPeerReviewer("alice", "alice", "carol", Set.of()), "reviewer-not-candidate", 403,
        "A candidate never reviews their own application.");
    assertRefused(() -> FourEyes.checkPeerReviewer("carol", "alice", "carol", Set.of()), "reviewer-not-assessor", 403,
        "carol assessed this application and may not peer-review their own assessment.");
    assertRefused(() -> FourEyes.checkPeerReviewer("erin", "alice", "carol", Set.of("erin")), "reviewers-distinct", 403,
        "erin already reviews this application; the second review needs another person.");
  }

  @Test
  void whetherSomeoneMayPeerReviewIsTheSameRuleAsTheRefusal() {
    assertThat(FourEyes.mayPeerReview("erin", "alice", "carol", Set.of("frank"))).isTrue();
    assertThat(FourEyes.mayPeerReview("erin", "alice", null, Set.of())).isTrue();
    assertThat(FourEyes.mayPeerReview("alice", "alice", "carol", Set.of())).isFalse();
    assertThat(FourEyes.mayPeerReview("carol", "alice", "carol", Set.of())).isFalse();
    assertThat(FourEyes.mayPeerReview("erin", "alice", "carol", Set.of("erin"))).isFalse();
  }

  @Test
  void aPeerReviewerMayBeNamedBeforeAnyAssessorIs() {
    assertThatCode(() -> FourEyes.checkPeerReviewer("erin", "alice", null, Set.of())).doesNotThrowAnyException();
  }

  @Test
  void theCandidateIsTheFirstReasonGivenWhenSeveralApply() {
    // alice both candidate and (by a broken record) assessor and reviewer: the candidate's rule is named.
    assertRefused(() -> FourEyes.checkPeerReviewer("alice", "alice", "alice", Set.of("alice")), "reviewer-not-candidate", 403,
        "A candidate never reviews their own application.");
    assertRefused(() -> FourEyes.checkEndorsementReviewer("erin", "erin", "erin"), "reviewer-not-endorser", 403,
        "erin endorsed this candidate and may not review their own endorsement; another leader reviews it.");
  }

  @Test
  void aCandidateNeverAssignsNorReassignsWorkOnTheirOwnApplication() {
    assertThatCode(() -> FourEyes.checkAssigner("erin", "alice")).doesNotThrowAnyException();
    assertThatCode(() -> FourEyes.checkReassigner("erin", "alice")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkAssigner("erin", "erin"), "assigner-not-candidate", 403,
        "A candidate never assigns the assessor of their own application.");
    assertRefused(() -> FourEyes.checkReassigner("erin", "erin"), "assigner-not-candidate", 403,
        "A candidate never reassigns work on their own application.");
  }

  @Test
  void nobodyEndorsesThemselves() {
    assertThatCode(() -> FourEyes.checkEndorser("carol", "alice")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkEndorser("carol", "carol"), "endorser-not-candidate", 403,
        "Nobody endorses themselves: ask a leader instead.");
  }

  @Test
  void aCandidateAsksAnotherLeaderAndNamingThemselvesIsBadInput() {
    assertThatCode(() -> FourEyes.checkRequestedLeader("carol", "alice")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkRequestedLeader("alice", "alice"), "leader-not-candidate", 400,
        "A candidate asks another leader, never themselves.");
  }

  @Test
  void anEndorsementIsReviewedByNeitherItsEndorserNorItsCandidate() {
    assertThatCode(() -> FourEyes.checkEndorsementReviewer("erin", "carol", "alice")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkEndorsementReviewer("carol", "carol", "alice"), "reviewer-not-endorser", 403,
        "carol endorsed this candidate and may not review their own endorsement; another leader reviews it.");
    assertRefused(() -> FourEyes.checkEndorsementReviewer("alice", "carol", "alice"), "reviewer-not-candidate", 403,
        "A candidate never reviews their own endorsement.");
  }

  @Test
  void aPromotionIsInterviewedAndDecidedBySomeoneOtherThanItsCandidate() {
    assertThatCode(() -> FourEyes.checkDecider("erin", "bob")).doesNotThrowAnyException();
    assertRefused(() -> FourEyes.checkDecider("erin", "erin"), "decider-not-candidate", 403,
        "The SEM team interviews and decides, never about their own application: erin is its candidate.");
  }

  @Test
  void thePeopleExcludedNeverSeeTheTaskEither() {
    assertThat(FourEyes.hiddenFromApplicationTask("alice", "carol", false)).containsExactly("alice");
    assertThat(FourEyes.hiddenFromApplicationTask("alice", "carol", true)).containsExactly("alice", "carol");
    assertThat(FourEyes.hiddenFromEndorsementReview("carol", "alice")).containsExactly("carol", "alice");
    assertThat(FourEyes.hiddenFromPromotionDecision("bob")).containsExactly("bob");
  }

  private static void assertRefused(ThrowingCallable call, String rule, int status, String message) {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, call);
    assertThat(refusal).as("refused by " + rule).isNotNull();
    assertThat(refusal.rule()).isEqualTo(rule);
    assertThat(refusal.httpStatus()).isEqualTo(status);
    assertThat(refusal).hasMessage(message);
  }
}
