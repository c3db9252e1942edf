package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;

class EndorsementPolicyTest {

  static final Engineer ALICE = new Engineer("alice", "Alice", "a@x", 2, "Engineer II", "carol");
  static final Engineer BOB = new Engineer("bob", "Bob", "b@x", 3, "Senior Engineer I", "carol");
  static final Engineer CAROL = new Engineer("carol", "Carol", "c@x", 4, "TTL", "erin");
  static final Engineer ERIN = new Engineer("erin", "Erin", "e@x", 5, "SEM", "grace");

  final EndorsementPolicy policy = new EndorsementPolicy(EndorsementProperties.defaults(), MicroCredentialsProperties.defaults());

  @Test
  void anEndorserIsLevelFourOrAboveAndNeverTheCandidate() {
    assertThatCode(() -> policy.checkEndorser(CAROL, "alice")).doesNotThrowAnyException();
    assertRule(() -> policy.checkEndorser(BOB, "alice"), "endorser-level", 403);
    assertRule(() -> policy.checkEndorser(CAROL, "carol"), "endorser-not-candidate", 403);
  }

  @Test
  void theLeaderAskedMayEndorse() {
    assertThatCode(() -> policy.checkRequestedLeader(CAROL, "alice")).doesNotThrowAnyException();
    assertRule(() -> policy.checkRequestedLeader(BOB, "alice"), "leader-level", 400);
    assertRule(() -> policy.checkRequestedLeader(ALICE, "alice"), "leader-not-candidate", 400);
  }

  @Test
  void theSkillLevelIsAboveTheCandidatesSeniority() {
    assertThatCode(() -> policy.checkAboveSeniority(ALICE, "iLAN", 3)).doesNotThrowAnyException();
    assertRule(() -> policy.checkAboveSeniority(ALICE, "iLAN", 2), "above-seniority", 400);
    assertRule(() -> policy.checkAboveSeniority(ALICE, "iLAN", 1), "above-seniority", 400);
  }

  @Test
  void aReviewerIsLevelFiveOrAboveNeitherEndorserNorCandidate() {
    assertThatCode(() -> policy.checkReviewer(ERIN, "carol", "alice")).doesNotThrowAnyException();
    assertRule(() -> policy.checkReviewer(CAROL, "dave", "alice"), "reviewer-level", 403);
    assertRule(() -> policy.checkReviewer(ERIN, "erin", "alice"), "reviewer-not-endorser", 403);
    assertRule(() -> policy.checkReviewer(ERIN, "carol", "erin"), "reviewer-not-candidate", 403);
  }

  @Test
  void aLeaderEndorsesOneCandidateForAtMostThreeSkillsAQuarter() {
    assertThatCode(() -> policy.checkEndorsementCap("carol", "alice", "iOWN", List.of("iLAN", "iPERF")))
        .doesNotThrowAnyException();
    assertRule(() -> policy.checkEndorsementCap("carol", "alice", "iTEST", List.of("iLAN", "iOWN", "iPERF")),
        "endorsement-cap", 409);
    // The same skill again (after a withdrawal, say) is not another skill.
    assertThatCode(() -> policy.checkEndorsementCap("carol", "alice", "iLAN", List.of("iLAN", "iOWN", "iPERF")))
        .doesNotThrowAnyException();
    assertThat(policy.capPeriodStart(Instant.parse("2026-11-16T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-08-16T09:00:00Z"));
  }

  @Test
  void theCapsAreConfigurable() {
    EndorsementPolicy strict = new EndorsementPolicy(
        new EndorsementProperties(5, 6, 9, 1, Duration.ofDays(7), 1, Period.ofMonths(6)),
        MicroCredentialsProperties.defaults());
    assertRule(() -> strict.checkEndorser(CAROL, "alice"), "endorser-level", 403);
    assertRule(() -> strict.checkReviewer(ERIN, "carol", "alice"), "reviewer-level", 403);
    assertRule(() -> strict.checkEndorsementCap("erin", "alice", "iOWN", List.of("iLAN")), "endorsement-cap", 409);
    assertRule(() -> strict.checkOpenRequestCap("alice", 1), "open-request-cap", 409);
    assertThat(strict.minimumScore()).isEqualTo(9);
  }

  @Test
  void theScoreIsAWholeNumberFromTheMinimumToTheTopOfTheScale() {
    assertThat(policy.requiredScore(sent(8))).isEqualTo(8);
    assertThat(policy.requiredScore(sent(10L))).isEqualTo(10);
    assertRefusal(() -> policy.requiredScore(sent(7)), "range-score", "'score' must be a whole number from 8 to 10; 7 is outside.");
    assertRefusal(() -> policy.requiredScore(sent(11)), "range-score", "'score' must be a whole number from 8 to 10; 11 is outside.");
    assertRefusal(() -> policy.requiredScore(sent("nine")), "whole-number-score",
        "'score' must be a whole number from 8 to 10, not String nine.");
    assertRefusal(() -> policy.requiredScore(sent(null)), "required-score", "'score' is required.");
    EndorsementPolicy strict = new EndorsementPolicy(
        new EndorsementProperties(null, null, 9, null, null, null, null), MicroCredentialsProperties.defaults());
    assertRefusal(() -> strict.requiredScore(sent(8)), "range-score", "'score' must be a whole number from 9 to 10; 8 is outside.");
  }

  private static VariableScope sent(Object score) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("score")).thenReturn(score);
    return scope;
  }

  private static void assertRefusal(Runnable check, String rule, String message) {
    assertRule(check, rule, 400);
    assertThatThrownBy(check::run).hasMessage(message);
  }

  @Test
  void atMostTwoRequestsOpenAtOnce() {
    assertThatCode(() -> policy.checkOpenRequestCap("alice", 1)).doesNotThrowAnyException();
    assertRule(() -> policy.checkOpenRequestCap("alice", 2), "open-request-cap", 409);
  }

  private static void assertRule(Runnable check, String rule, int status) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
      assertThat(violation.rule()).isEqualTo(rule);
      assertThat(violation.httpStatus()).isEqualTo(status);
    });
  }
}
