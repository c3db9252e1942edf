package org.microcredentials.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** What a submitted peer review must hold, and when reviewers agree. */
class PeerReviewTest {

  @Test
  void aReviewerWhoAgreesNeedsNoComment() {
    PeerReview review = PeerReview.submitted("erin", true, 7, null);
    assertThat(review.agrees()).isTrue();
    assertThat(review.proposedScore()).as("a proposal beside an agreement is not kept").isNull();
  }

  @Test
  void aReviewerWhoProposesAnotherScoreSaysWhy() {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> PeerReview.submitted("erin", false, 7, " "));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo("required-reviewComment");
    assertThat(refusal.httpStatus()).isEqualTo(400);
    assertThat(PeerReview.submitted("erin", false, 7, "The results are not measured.").proposedScore()).isEqualTo(7);
  }

  @Test
  void reviewersAgreeWhenEachAgreesOrProposesTheSameScore() {
    assertThat(PeerReview.allAgree(9, List.of(new PeerReview("erin", true, null, null),
        new PeerReview("frank", false, 9, "Same score, other reasons.")))).isTrue();
    assertThat(PeerReview.allAgree(9, List.of(new PeerReview("erin", true, null, null),
        new PeerReview("frank", false, 7, "Not measured.")))).isFalse();
  }
}
