package org.microcredentials.promotion;

import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.credential.CredentialVariables.SKILL_NAME;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.ALL_SKILLS_PASSED;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.INTERVIEW_SUMMARY;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.SKILL_CRITERIA;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.SKILL_SCORES;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.SKILL_SUMMARY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.process.ProcessVariable;
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

    /** The impact statement's fields: each skill's evidence starts empty in its own scope. */
    private static final List<ProcessVariable<String>> EVIDENCE_FIELDS =
        List.of(ImpactStatement.PROBLEM, ImpactStatement.ACTIONS, ImpactStatement.RESULTS, ImpactStatement.LINKS);

    /** The skill, local to its assessment scope, as its forms show it; its evidence starts empty there. */
    void showOn(VariableScope scope) {
      SKILL_CODE.localOn(scope, skillCode);
      SKILL_NAME.localOn(scope, skillName);
      SKILL_LEVEL.localOn(scope, skillLevel);
      SKILL_CRITERIA.localOn(scope, criteria);
      EVIDENCE_FIELDS.forEach(field -> field.localOn(scope, null));
    }
  }

  /**
   * Every required skill's outcome: the settled ones' scores (skill code → score, reused credentials included), each
   * skill's score, source and feedback as text, whether every one is at the pass mark, and the interview as it stands.
   */
  record Summary(Map<String, Integer> scores, String text, boolean allPassed, String interview) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcomes as the interview's and the decision's forms, the gateway and clients read them. */
    void showOn(VariableScope scope) throws JsonProcessingException {
      SKILL_SCORES.on(scope, Spin.JSON(JSON.writeValueAsString(scores)));
      SKILL_SUMMARY.on(scope, text);
      ALL_SKILLS_PASSED.on(scope, allPassed);
      INTERVIEW_SUMMARY.on(scope, interview);
    }
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
