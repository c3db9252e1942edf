package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;

/** The rules of an endorsement's steps, on the record as kept (the register and the people are doubles). */
class EndorsementStepsTest {

  static final String KEY = "END-2026-000001";
  static final EndorsementInstance INSTANCE = new EndorsementInstance(KEY, "instance-1");
  static final Instant NOW = Instant.parse("2026-11-15T10:00:00Z");

  final EndorsementRegister endorsements = mock(EndorsementRegister.class);
  final Organisation organisation = mock(Organisation.class);
  final EndorsementsBegunEarlier begunEarlier = mock(EndorsementsBegunEarlier.class);
  final EndorsementSteps steps = new EndorsementSteps(endorsements, organisation,
      new EndorsementPolicy(EndorsementProperties.defaults(), MicroCredentialsProperties.defaults()),
      mock(CredentialRegister.class), begunEarlier, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void carolEndorsedAliceOnce() {
    when(endorsements.endorsement(KEY)).thenReturn(new EndorsementRegister.Endorsement(KEY, "carol", "alice", "iLAN", 3, 9,
        EndorsementRegister.Status.OPEN, null, null, 1, null));
    when(organisation.find("erin")).thenReturn(Optional.of(new Engineer("erin", "Erin", "e@x", 5, "SEM", "grace")));
    when(organisation.find("carol")).thenReturn(Optional.of(new Engineer("carol", "Carol", "c@x", 4, "TTL", "erin")));
  }

  @Test
  void aQuestionIsTheNextRoundKeptWithTheOthers() {
    when(endorsements.appendJustificationHistory(KEY, "Round 2, erin asked: Which PRs?")).thenReturn("both rounds");

    EndorsementSteps.Reviewed reviewed = steps.review(INSTANCE, "erin", EndorsementProcess.Decisions.REQUEST_JUSTIFICATION,
        Optional.of("Which PRs?"));

    assertThat(reviewed.asked()).contains(new EndorsementSteps.Justification(2, "both rounds"));
    verify(endorsements).recordJustificationRequested(KEY);
    verify(begunEarlier).completeRecord(INSTANCE);
  }

  @Test
  void anApprovalIsRecordedWithItsReviewer() {
    EndorsementSteps.Reviewed reviewed = steps.review(INSTANCE, "erin", EndorsementProcess.Decisions.APPROVE,
        Optional.empty());

    assertThat(reviewed.approved()).isTrue();
    assertThat(reviewed.asked()).isEmpty();
    verify(endorsements).recordApproval(KEY, "erin", NOW);
  }

  @Test
  void aQuestionOrAWithdrawalSaysWhyAndAnUnknownDecisionIsRefused() {
    assertRule(() -> steps.review(INSTANCE, "erin", EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, Optional.empty()),
        "required-reviewComment", 400);
    assertRule(() -> steps.review(INSTANCE, "erin", EndorsementProcess.Decisions.WITHDRAW, Optional.empty()),
        "required-reviewComment", 400);
    assertRule(() -> steps.review(INSTANCE, "erin", "maybe", Optional.of("Hm.")), "review-decision", 400);
    verify(endorsements, never()).recordOutcome(anyString(), any(), anyString(), any());
    verify(endorsements, never()).recordJustificationRequested(anyString());
  }

  @Test
  void theReviewerIsAnEngineerOfLevelFiveWhoDidNotEndorse() {
    assertRule(() -> steps.requireReviewer(KEY, "mallory"), "reviewer-level", 403);
    assertRule(() -> steps.requireReviewer(KEY, "carol"), "reviewer-not-endorser", 403);
    assertRule(() -> steps.review(INSTANCE, "carol", EndorsementProcess.Decisions.APPROVE, Optional.empty()),
        "reviewer-not-endorser", 403);
    verify(endorsements, never()).recordApproval(anyString(), anyString(), any());
  }

  @Test
  void onlyTheEndorserJustifies() {
    assertRule(() -> steps.justify(INSTANCE, "erin", "More."), "endorser-justifies", 403);
    when(endorsements.appendJustificationHistory(KEY, "Round 1, carol added: Mine: #1.")).thenReturn("round one");

    assertThat(steps.justify(INSTANCE, "carol", "Mine: #1.").history()).isEqualTo("round one");
  }

  private static void assertRule(Runnable step, String rule, int status) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
      assertThat(violation.rule()).isEqualTo(rule);
      assertThat(violation.httpStatus()).isEqualTo(status);
    });
  }

  @Test
  void theReviewIsHiddenFromTheEndorserAndTheCandidate() {
    assertThat(steps.hiddenFromTask(Optional.of(Holder.ENDORSEMENT_REVIEWER), () -> KEY))
        .containsExactly("carol", "alice");
  }

  @Test
  void anyOtherTaskIsHiddenFromNobodyWithoutAskingItsKey() {
    assertThat(steps.hiddenFromTask(Optional.of(Holder.ENDORSER), () -> {
      throw new AssertionError("the key is asked only of the review");
    })).isEmpty();
    assertThat(steps.hiddenFromTask(Optional.empty(), () -> null)).isEmpty();
  }
}
