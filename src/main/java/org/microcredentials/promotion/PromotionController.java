package org.microcredentials.promotion;

import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Organisation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Progress toward the next level, as the portfolio and other systems read it. */
@RestController
class PromotionController {

  private final Organisation organisation;
  private final PromotionEligibility eligibility;

  PromotionController(Organisation organisation, PromotionEligibility eligibility) {
    this.organisation = organisation;
    this.eligibility = eligibility;
  }

  /**
   * {@code eligible} (at least one credential valid for promotion) and the credentials that count,
   * the {@code nextLevel}, and per skill the next level requires whether it is {@code covered} and by which credential.
   */
  @GetMapping("/api/engineers/{userId}/promotion-eligibility")
  PromotionEligibility.Eligibility promotionEligibility(@PathVariable String userId) {
    return eligibility.of(organisation.find(userId).orElseThrow(() -> RuleViolation.notFound("known-engineer",
        "'" + userId + "' is not an engineer of the organisation.")));
  }
}
