package org.microcredentials.credential;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Organisation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An engineer's credentials: what their portfolio and promotion applications build on. */
@RestController
class CredentialsController {

  /** One credential as clients list it; {@code revoked} and its reason wherever it is shown. */
  record CredentialView(
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

    static CredentialView of(Credential credential, OffsetDateTime now) {
      return new CredentialView(credential.id(), credential.skillCode(), credential.skillLevel(), credential.score(),
          credential.source(), credential.assessorId(), credential.reviewerIds(), credential.frameworkVersion(),
          credential.evidenceSummary(), credential.issuedAt(), credential.validForPromotionUntil(),
          credential.validForPromotionAt(now), credential.revoked(), credential.revocationReason());
    }
  }

  private final CredentialRegister credentials;
  private final Organisation organisation;
  private final Clock clock;

  CredentialsController(CredentialRegister credentials, Organisation organisation, Clock clock) {
    this.credentials = credentials;
    this.organisation = organisation;
    this.clock = clock;
  }

  @GetMapping("/api/engineers/{userId}/credentials")
  List<CredentialView> credentials(@PathVariable String userId) {
    if (organisation.find(userId).isEmpty()) {
      throw RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return credentials.heldBy(userId).stream().map(credential -> CredentialView.of(credential, now)).toList();
  }

  /** Eligible for promotion with at least one credential valid for promotion (not revoked, within two years). */
  record PromotionEligibility(String userId, boolean eligible, List<CredentialView> credentials) {
  }

  @GetMapping("/api/engineers/{userId}/promotion-eligibility")
  PromotionEligibility promotionEligibility(@PathVariable String userId) {
    if (organisation.find(userId).isEmpty()) {
      throw RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<CredentialView> counting = credentials.heldBy(userId).stream()
        .filter(credential -> credential.validForPromotionAt(now))
        .map(credential -> CredentialView.of(credential, now)).toList();
    return new PromotionEligibility(userId, !counting.isEmpty(), counting);
  }
}
