package org.microcredentials.credential;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A micro-credential: one skill at one level, held by one engineer. It records all the Open
 * Badges export needs: who assessed and reviewed it, the framework version and the evidence.
 */
public record Credential(
    String id,
    String sourceKey,
    String holderId,
    String skillCode,
    int skillLevel,
    int score,
    CredentialSource source,
    String assessorId,
    List<String> reviewerIds,
    int frameworkVersion,
    String evidenceSummary,
    OffsetDateTime issuedAt,
    OffsetDateTime validForPromotionUntil,
    boolean revoked,
    String revocationReason) {

  public boolean validForPromotionAt(OffsetDateTime moment) {
    return !revoked && moment.isBefore(validForPromotionUntil);
  }
}
