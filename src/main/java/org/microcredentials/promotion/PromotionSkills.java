package org.microcredentials.promotion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Service;

/**
 * The engine's steps over a promotion's skills, read from their home (each assessed skill's {@code application} row,
 * the promotion's {@code promotion_skill} rows) and the framework the application started under: the skill an
 * assessment scope works on, and, once every skill is settled, their outcomes summed up for the interview, the
 * decision and clients. {@code AssessedSkillVariablesListener} and {@code SummariseSkillsDelegate} call them.
 */
@Service
class PromotionSkills {

  /** A skill the candidate gives evidence for and a round assesses, as its forms show it. */
  record SkillToAssess(String skillCode, String skillName, int skillLevel, String criteria) {
  }

  /**
   * Every required skill's outcome: the settled ones' scores (skill code → score, reused credentials included), each
   * skill's score, source and feedback as text, whether every one is at the pass mark, and the interview as it stands.
   */
  record Summary(Map<String, Integer> scores, String text, boolean allPassed, String interview) {
  }

  private final ApplicationRegister applications;
  private final PromotionRegister promotions;
  private final SkillFrameworkRepository frameworks;
  private final PromotionTexts texts;
  private final ScorePolicy scores;

  PromotionSkills(ApplicationRegister applications, PromotionRegister promotions, SkillFrameworkRepository frameworks,
      PromotionTexts texts, ScorePolicy scores) {
    this.applications = applications;
    this.promotions = promotions;
    this.frameworks = frameworks;
    this.texts = texts;
    this.scores = scores;
  }

  /** The skill of one assessed skill's application, with its name and criteria at the target level. */
  SkillToAssess skillToAssess(String applicationKey) {
    ApplicationRegister.Application skill = applications.application(applicationKey);
    SkillFramework framework = frameworks.version(skill.frameworkVersion()).orElseThrow();
    return new SkillToAssess(skill.skillCode(), texts.skillName(framework, skill.skillCode()), skill.skillLevel(),
        texts.criteria(framework, skill.skillCode(), skill.skillLevel()));
  }

  /** The skill code of one assessed skill's application, without its framework. */
  String skillCodeOf(String applicationKey) {
    return applications.application(applicationKey).skillCode();
  }

  /** Every required skill of the promotion as it stands. */
  Summary summarise(String businessKey) {
    PromotionRegister.Promotion promotion = promotions.promotion(businessKey);
    List<PromotionRegister.SkillOutcome> skills = promotions.skills(businessKey);
    Map<String, Integer> settled = new LinkedHashMap<>();
    skills.stream().filter(PromotionRegister.SkillOutcome::settled).forEach(skill -> settled.put(skill.skillCode(), skill.score()));
    return new Summary(settled, texts.outcomes(frameworks.version(promotion.frameworkVersion()).orElseThrow(), skills),
        PromotionDecision.everySkillPassed(skills, scores), texts.interviewBefore(promotion.targetLevel()));
  }
}
