package org.microcredentials.credential;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The rule {@code already-held}: nobody applies for a skill, is endorsed for it or asks to be, at a
 * level they already hold a credential for, at that level or above, while that credential is valid
 * (not revoked, still valid for promotion: {@link Credential#covers}). Both intakes, the
 * self-submission's and the endorsement's (and its request's), ask here.
 */
@Component
public class AlreadyHeld {

  private final CredentialRegister credentials;
  private final Clock clock;

  AlreadyHeld(CredentialRegister credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Refuses (409) a candidate who holds a valid credential for the skill at this level or above. */
  public void refuseIfHeld(String candidateId, String skillCode, int skillLevel) {
    check(credentials.heldBy(candidateId), candidateId, skillCode, skillLevel, OffsetDateTime.now(clock));
  }

  static void check(Collection<Credential> held, String candidateId, String skillCode, int skillLevel, OffsetDateTime now) {
    if (held.stream().anyMatch(credential -> credential.covers(skillCode, skillLevel, now))) {
      throw RuleViolation.conflict("already-held",
          candidateId + " already holds a valid credential for " + skillCode + " at level " + skillLevel + " or above.");
    }
  }
}
