package org.microcredentials.promotion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Seniority;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.application.ApplicationRegister;
import org.springframework.stereotype.Service;

/**
 * Accepts or refuses a new promotion application (DOMAIN.md, Promotion): the next level only, at
 * least one credential valid for promotion, one open application at a time. Settles on the day it
 * starts which required skills are covered by a credential valid for promotion (reused, with its
 * score) and which are assessed (an application row each, assessed by the review round at the
 * target level). Runs inside the engine's transaction: a refusal leaves nothing behind.
 */
@Service
class PromotionIntake {

  record Accepted(String businessKey, Engineer candidate, List<PromotionEligibility.RequiredSkill> requiredSkills,
      List<Credential> validForPromotion, SkillFramework framework) {
  }

  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final CredentialRegister credentials;
  private final ApplicationRegister applications;
  private final PromotionRegister promotions;

  PromotionIntake(Organisation organisation, SkillFrameworkRepository frameworks, CredentialRegister credentials,
      ApplicationRegister applications, PromotionRegister promotions) {
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.credentials = credentials;
    this.applications = applications;
    this.promotions = promotions;
  }

  Accepted accept(String candidateId, int targetLevel, String statement, Instant now) {
    // The lock makes two applications of one candidate count one after the other.
    Engineer candidate = organisation.lock(candidateId);
    if (candidate.seniorityLevel() >= Seniority.HIGHEST) {
      throw RuleViolation.conflict("next-level-only",
          candidateId + " is at level " + Seniority.HIGHEST + ", the top of the ladder: there is no level to apply for.");
    }
    int nextLevel = candidate.seniorityLevel() + 1;
    if (targetLevel != nextLevel) {
      throw RuleViolation.invalid("next-level-only", candidateId + " is at level " + candidate.seniorityLevel()
          + " and may apply for level " + nextLevel + " only, not " + targetLevel + ".");
    }
    OffsetDateTime today = now.atOffset(java.time.ZoneOffset.UTC);
    List<Credential> validForPromotion = credentials.heldBy(candidateId).stream()
        .filter(credential -> credential.validForPromotionAt(today)).toList();
    if (validForPromotion.isEmpty()) {
      throw RuleViolation.conflict("credential-for-promotion", candidateId
          + " holds no micro-credential valid for promotion: apply for and receive at least one before applying for promotion.");
    }
    if (promotions.hasOpen(candidateId)) {
      throw RuleViolation.conflict("one-open-promotion",
          candidateId + " already has an open promotion application; it must be decided first.");
    }
    SkillFramework framework = frameworks.current();
    List<PromotionEligibility.RequiredSkill> required = PromotionEligibility.coverage(framework, targetLevel, validForPromotion);
    String businessKey = promotions.register(candidateId, candidate.seniorityLevel(), targetLevel, framework.version(),
        statement, now);
    for (PromotionEligibility.RequiredSkill skill : required) {
      if (skill.covered()) {
        promotions.addReusedSkill(businessKey, skill.skillCode(), skill.credentialId());
      } else {
        String applicationKey = applications.registerPromotionSkill(businessKey, candidateId, skill.skillCode(), targetLevel,
            framework.version(), now);
        promotions.addAssessedSkill(businessKey, skill.skillCode(), applicationKey);
      }
    }
    return new Accepted(businessKey, candidate, required, validForPromotion, framework);
  }
}
