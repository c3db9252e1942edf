package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** Nobody applies for, is endorsed for or asks for what they hold a valid credential for, at that level or above. */
class AlreadyHeldTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-16T10:00:00Z");

  private static Credential iLan(int level, OffsetDateTime validUntil, boolean revoked) {
    return new Credential("c-" + level, "SUB-" + level, "alice", "iLAN", level, 9, Optional.of(8),
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "evidence", NOW.minusYears(1), validUntil, revoked,
        revoked ? "revoked" : null);
  }

  @Test
  void aValidCredentialAtTheLevelOrAboveIsHeld() {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class,
        () -> AlreadyHeld.check(List.of(iLan(3, NOW.plusDays(1), false)), "alice", "iLAN", 2, NOW));
    assertThat(refusal.rule()).isEqualTo("already-held");
    assertThat(refusal.httpStatus()).isEqualTo(409);
    assertThat(refusal).hasMessage("alice already holds a valid credential for iLAN at level 2 or above.");
    assertThat(catchThrowableOfType(RuleViolation.class,
        () -> AlreadyHeld.check(List.of(iLan(3, NOW.plusDays(1), false)), "alice", "iLAN", 3, NOW))).isNotNull();
  }

  @Test
  void aLowerLevelAnotherSkillARevokedOrALapsedCredentialIsNotHeld() {
    assertThatCode(() -> AlreadyHeld.check(List.of(iLan(2, NOW.plusDays(1), false)), "alice", "iLAN", 3, NOW))
        .doesNotThrowAnyException();
    assertThatCode(() -> AlreadyHeld.check(List.of(iLan(3, NOW.plusDays(1), false)), "alice", "iPERF", 3, NOW))
        .doesNotThrowAnyException();
    assertThatCode(() -> AlreadyHeld.check(List.of(iLan(3, NOW.plusDays(1), true)), "alice", "iLAN", 3, NOW))
        .doesNotThrowAnyException();
    // Valid until the very moment: lapsed then (as Credential.validForPromotionAt says).
    assertThatCode(() -> AlreadyHeld.check(List.of(iLan(3, NOW, false)), "alice", "iLAN", 3, NOW))
        .doesNotThrowAnyException();
    assertThatCode(() -> AlreadyHeld.check(List.of(), "alice", "iLAN", 3, NOW)).doesNotThrowAnyException();
  }
}
