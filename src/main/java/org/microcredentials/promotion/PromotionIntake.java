package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.CURRENT_LEVEL;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.EXISTING_CREDENTIALS;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.STATEMENT;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.TARGET_LEVEL;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.CredentialVariables;
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
 * target level). Runs inside the engine's transaction: a refusal leaves nothing behind. The use case of
 * {@code PromotionStartListener}.
 */
@Service
class PromotionIntake {

  /**
   * An accepted application: its business key, the candidate as the organisation knows them, and what its forms show
   * of the credentials valid for promotion ({@link PromotionTexts}).
   */
  record Accepted(String businessKey, Engineer candidate, String existingCredentials, String candidateId,
      PromotionRequest request) {

    /** The instance takes the application's business key and what its forms show. */
    void showOn(DelegateExecution execution) {
      execution.setProcessBusinessKey(businessKey);
      CredentialVariables.showCandidate(execution, candidateId, candidate);
      CURRENT_LEVEL.on(execution, candidate.seniorityLevel());
      TARGET_LEVEL.on(execution, request.targetLevel());
      STATEMENT.on(execution, request.statement().orElse(""));
      EXISTING_CREDENTIALS.on(execution, existingCredentials);
    }
  }

  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final CredentialRegister credentials;
  private final PromotionEligibility eligibility;
  private final ApplicationRegister applications;
  private final PromotionRegister promotions;
  private final PromotionTexts texts;
  private final Clock clock;

  PromotionIntake(Organisation organisation, SkillFrameworkRepository frameworks, CredentialRegister credentials,
      PromotionEligibility eligibility, ApplicationRegister applications, PromotionRegister promotions,
      PromotionTexts texts, Clock clock) {
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.credentials = credentials;
    this.eligibility = eligibility;
    this.applications = applications;
    this.promotions = promotions;
    this.texts = texts;
    this.clock = clock;
  }

  /** The candidate applies for the target level, with or without a statement. */
  Accepted accept(String candidateId, PromotionRequest request) {
    Instant now = clock.instant();
    // The lock makes two applications of one candidate count one after the other.
    Engineer candidate = organisation.lock(candidateId);
    SkillFramework framework = frameworks.current();
    PromotionEligibility.Eligibility eligible = eligibility.of(candidate, credentials.heldBy(candidateId), framework,
        now.atOffset(ZoneOffset.UTC));
    if (eligible.nextLevel() == null) {
      throw RuleViolation.conflict("next-level-only",
          candidateId + " is at level " + Seniority.HIGHEST + ", the top of the ladder: there is no level to apply for.");
    }
    int targetLevel = request.targetLevel();
    if (targetLevel != eligible.nextLevel()) {
      throw RuleViolation.invalid("next-level-only", candidateId + " is at level " + candidate.seniorityLevel()
          + " and may apply for level " + eligible.nextLevel() + " only, not " + targetLevel + ".");
    }
    if (!eligible.eligible()) {
      throw RuleViolation.conflict("credential-for-promotion", candidateId
          + " holds no micro-credential valid for promotion: apply for and receive at least one before applying for promotion.");
    }
    if (promotions.hasOpen(candidateId)) {
      throw RuleViolation.conflict("one-open-promotion",
          candidateId + " already has an open promotion application; it must be decided first.");
    }
    String businessKey = promotions.register(candidateId, candidate.seniorityLevel(), targetLevel, framework.version(),
        request.statement().orElse(null), now);
    for (PromotionEligibility.RequiredSkill skill : eligible.requiredSkills()) {
      if (skill.covered()) {
        promotions.addReusedSkill(businessKey, skill.skillCode(), skill.credentialId());
      } else {
        String applicationKey = applications.registerPromotionSkill(businessKey, candidateId, skill.skillCode(), targetLevel,
            framework.version(), now);
        promotions.addAssessedSkill(businessKey, skill.skillCode(), applicationKey);
      }
    }
    return new Accepted(businessKey, candidate, texts.credentials(eligible.credentials()), candidateId, request);
  }
}
