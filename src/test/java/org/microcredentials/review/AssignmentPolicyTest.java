package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** Only the SEM team assigns and reassigns an application's work, never for their own application. */
class AssignmentPolicyTest {

  private final AssignmentPolicy policy = new AssignmentPolicy(Set.of("erin", "ivan")::contains);

  @Test
  void aSemMemberAssignsAndReassignsAnotherPersonsApplication() {
    assertThatCode(() -> policy.checkAssigner("erin", "alice")).doesNotThrowAnyException();
    assertThatCode(() -> policy.checkReassigner("ivan", "alice")).doesNotThrowAnyException();
  }

  @Test
  void nobodyOutsideTheSemTeamAssignsOrReassigns() {
    assertRefused(() -> policy.checkAssigner("carol", "alice"), "sem-team-assigns",
        "carol is not in the SEM team, which assigns assessors.");
    assertRefused(() -> policy.checkReassigner("carol", "alice"), "sem-team-assigns",
        "carol is not in the SEM team, which reassigns work.");
  }

  @Test
  void aSemMemberNeverAssignsNorReassignsOnTheirOwnApplication() {
    assertRefused(() -> policy.checkAssigner("erin", "erin"), "assigner-not-candidate",
        "A candidate never assigns the assessor of their own application.");
    assertRefused(() -> policy.checkReassigner("erin", "erin"), "assigner-not-candidate",
        "A candidate never reassigns work on their own application.");
  }

  @Test
  void aCandidateOutsideTheSemTeamHearsThatTheSemTeamAssigns() {
    assertRefused(() -> policy.checkAssigner("alice", "alice"), "sem-team-assigns",
        "alice is not in the SEM team, which assigns assessors.");
  }

  private static void assertRefused(ThrowingCallable call, String rule, String message) {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, call);
    assertThat(refusal).as("refused by " + rule).isNotNull();
    assertThat(refusal.rule()).isEqualTo(rule);
    assertThat(refusal.httpStatus()).isEqualTo(403);
    assertThat(refusal).hasMessage(message);
  }
}
