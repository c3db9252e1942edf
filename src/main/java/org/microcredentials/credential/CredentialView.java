package org.microcredentials.credential;

import java.time.OffsetDateTime;
import java.util.List;

/** One credential as clients list it; {@code revoked} and its reason wherever it is shown. */
public record CredentialView(
    String id,
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
    boolean validForPromotion,
    boolean revoked,
    String revocationReason) {

  public static CredentialView of(Credential credential, OffsetDateTime now) {
    return new CredentialView(credential.id(), credential.skillCode(), credential.skillLevel(), credential.score(),
        credential.source(), credential.assessorId(), credential.reviewerIds(), credential.frameworkVersion(),
        credential.evidenceSummary(), credential.issuedAt(), credential.validForPromotionUntil(),
        credential.validForPromotionAt(now), credential.revoked(), credential.revocationReason());
  }
}
