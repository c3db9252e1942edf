package org.microcredentials.credential;

import java.time.OffsetDateTime;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A micro-credential: one skill at one level, held by one engineer. It records all the Open
 * Badges export needs: who assessed and reviewed it, the framework version and the evidence.
 * {@code requiredScore} is the score it had to reach, recorded when it was issued; empty for
 * credentials issued before that was recorded.
 *
 * <p>What a credential counts for is said here once: valid for promotion
 * ({@link #validForPromotionAt}), lapsing for promotion soon ({@link #lapsesForPromotionWithin}, also
 * as SQL: {@link #lapsingForPromotionSql}) and covering a skill at a level ({@link #covers}).
 */
public record Credential(
    String id,
    String sourceKey,
    String holderId,
    String skillCode,
    int skillLevel,
    int score,
    Optional<Integer> requiredScore,
    CredentialSource source,
    String assessorId,
    List<String> reviewerIds,
    int frameworkVersion,
    String evidenceSummary,
    OffsetDateTime issuedAt,
    OffsetDateTime validForPromotionUntil,
    boolean revoked,
    String revocationReason) {

  /** Not revoked, and the moment is before it lapses: at the very moment it lapses it no longer counts. */
  public boolean validForPromotionAt(OffsetDateTime moment) {
    return !revoked && moment.isBefore(validForPromotionUntil);
  }

  /**
   * Valid for promotion now, and lapses within {@code reminderPeriod} from now, the period's last moment
   * included ({@code microcredentials.credentials.remind-before-lapse}): its holder is reminded of it and
   * the portfolio marks it.
   */
  public boolean lapsesForPromotionWithin(TemporalAmount reminderPeriod, OffsetDateTime now) {
    return validForPromotionAt(now) && !now.plus(reminderPeriod).isBefore(validForPromotionUntil);
  }

  /** Counts for this skill at this level: the same skill, at this level or above, valid for promotion now. */
  public boolean covers(String skillCode, int level, OffsetDateTime now) {
    return this.skillCode.equals(skillCode) && skillLevel >= level && validForPromotionAt(now);
  }

  /**
   * {@link #lapsesForPromotionWithin} as a SQL condition on a row of table {@code credential} named
   * {@code alias}, with the named parameters {@code :now} and {@code :lapsingBy} that
   * {@link #lapsingForPromotionParameters} gives.
   */
  public static String lapsingForPromotionSql(String alias) {
    return alias + ".revoked = false and " + alias + ".valid_for_promotion_until > :now and "
        + alias + ".valid_for_promotion_until <= :lapsingBy";
  }

  /** The parameters of {@link #lapsingForPromotionSql}. */
  public static Map<String, Object> lapsingForPromotionParameters(TemporalAmount reminderPeriod, OffsetDateTime now) {
    return Map.of("now", now, "lapsingBy", now.plus(reminderPeriod));
  }
}
