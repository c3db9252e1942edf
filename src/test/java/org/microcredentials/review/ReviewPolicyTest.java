package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.application.PeerReview;

class ReviewPolicyTest {

  private final ReviewPolicy policy = new ReviewPolicy(MicroCredentialsProperties.defaults());

  private static Engineer engineer(String id, int level) {
    return new Engineer(id, id, id + "@example.org", level, "role", null);
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "3,1", "4,2", "5,2", "6,2"})
  void oneReviewerBelowLevelFourTwoFromLevelFour(int appliedLevel, int reviewers) {
    assertThat(policy.reviewerCount(appliedLevel)).isEqualTo(reviewers);
  }

  @Test
  void theThresholdIsConfigurable() {
    ReviewPolicy fromFive = new ReviewPolicy(new MicroCredentialsProperties(null, null, null, null, 5, null));
    assertThat(fromFive.reviewerCount(4)).isEqualTo(1);
    assertThat(fromFive.reviewerCount(5)).isEqualTo(2);
  }

  @Test
  void eligibleAssessorsAreLevelFourAtOrAboveTheAppliedLevelAndNotTheCandidate() {
    List<Engineer> people = List.of(engineer("bob", 3), engineer("carol", 4), engineer("erin", 5), engineer("grace", 6));
    assertThat(policy.eligibleAssessors(people, "alice", 2)).extracting(Engineer::userId)
        .containsExactly("carol", "erin", "grace");
    assertThat(policy.eligibleAssessors(people, "alice", 5)).extracting(Engineer::userId)
        .containsExactly("erin", "grace");
    assertThat(policy.eligibleAssessors(people, "erin", 5)).extracting(Engineer::userId)
        .containsExactly("grace");
  }

  @ParameterizedTest
  @CsvSource({"1,4", "3,4", "4,4", "5,5", "6,6"})
  void theLowestLevelThatMayAssessIsLevelFourOrTheAppliedLevelWhicheverIsHigher(int appliedLevel, int lowest) {
    // The assignment reads only the engineers from this level: no one below it may assess.
    assertThat(policy.lowestAssessorLevel(appliedLevel)).isEqualTo(lowest);
    assertThat(policy.mayAssess(engineer("carol", lowest), "alice", appliedLevel)).isTrue();
    assertThat(policy.mayAssess(engineer("bob", lowest - 1), "alice", appliedLevel)).isFalse();
  }

  @Test
  void anAssessorBelowTheAppliedLevelIsRefused() {
    assertThatThrownBy(() -> policy.checkAssessor(engineer("carol", 4), "bob", 5))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("at or above the applied level");
    assertThatThrownBy(() -> policy.checkAssessor(engineer("bob", 3), "alice", 2))
        .hasMessageContaining("level 4 or above");
    assertThatThrownBy(() -> policy.checkAssessor(engineer("carol", 4), "carol", 3))
        .hasMessageContaining("never assesses their own");
    assertThatCode(() -> policy.checkAssessor(engineer("carol", 4), "alice", 4)).doesNotThrowAnyException();
  }

  @Test
  void aReviewerIsNeitherCandidateNorAssessorNorTheOtherReviewer() {
    assertThatThrownBy(() -> policy.checkReviewer(engineer("carol", 4), "carol", "dave", Set.of()))
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("reviewer-not-candidate");
    assertThatThrownBy(() -> policy.checkReviewer(engineer("dave", 4), "carol", "dave", Set.of()))
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("reviewer-not-assessor");
    assertThatThrownBy(() -> policy.checkReviewer(engineer("erin", 5), "carol", "dave", Set.of("erin")))
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("reviewers-distinct");
    assertThatThrownBy(() -> policy.checkReviewer(engineer("bob", 3), "alice", "dave", Set.of()))
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("reviewer-level");
    assertThatCode(() -> policy.checkReviewer(engineer("erin", 5), "carol", "dave", Set.of("frank")))
        .doesNotThrowAnyException();
  }

  @Test
  void reviewersAgreeWhenEveryoneAgreesOrProposesTheSameScore() {
    assertThat(PeerReview.allAgree(9, List.of(new PeerReview("dave", true, null, null)))).isTrue();
    assertThat(PeerReview.allAgree(9, List.of(new PeerReview("dave", true, null, null),
        new PeerReview("erin", false, 9, "same")))).isTrue();
    assertThat(PeerReview.allAgree(9, List.of(new PeerReview("dave", true, null, null),
        new PeerReview("erin", false, 7, "lower")))).isFalse();
  }
}
