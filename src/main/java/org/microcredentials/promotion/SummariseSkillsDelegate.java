package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Component;

/**
 * Once every skill is settled: the skills' outcomes, read from their home (reused credentials and the
 * skills' applications), are written once for the interview, the decision and clients:
 * {@code skillScores} (Json: skill code → score, reused credentials included), {@code skillSummary}
 * (each skill's score, source and feedback, as text) and {@code allSkillsPassed}.
 */
@Component
class SummariseSkillsDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PromotionRegister promotions;
  private final SkillFrameworkRepository frameworks;
  private final PromotionTexts texts;
  private final ScorePolicy scores;

  SummariseSkillsDelegate(PromotionRegister promotions, SkillFrameworkRepository frameworks, PromotionTexts texts,
      ScorePolicy scores) {
    this.promotions = promotions;
    this.frameworks = frameworks;
    this.texts = texts;
    this.scores = scores;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    PromotionRegister.Promotion promotion = promotions.promotion(businessKey);
    List<PromotionRegister.SkillOutcome> skills = promotions.skills(businessKey);
    ObjectNode skillScores = JSON.createObjectNode();
    skills.stream().filter(PromotionRegister.SkillOutcome::settled)
        .forEach(skill -> skillScores.put(skill.skillCode(), skill.score()));
    execution.setVariable(SKILL_SCORES, SpinValues.jsonValue(skillScores.toString()).create());
    execution.setVariable(SKILL_SUMMARY, texts.outcomes(frameworks.version(promotion.frameworkVersion()).orElseThrow(), skills));
    execution.setVariable(ALL_SKILLS_PASSED, PromotionDecision.everySkillPassed(skills, scores));
    execution.setVariable(INTERVIEW_SUMMARY, PromotionDecision.interviewRequired(promotion.targetLevel())
        ? "Not held yet." : "None: a promotion to level " + promotion.targetLevel() + " needs no interview.");
  }
}
