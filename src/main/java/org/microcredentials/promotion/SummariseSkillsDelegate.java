package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Once every skill is settled: their outcomes ({@link PromotionSkills#summarise}) are written once for the interview,
 * the decision and clients: {@code skillScores} (Json: skill code → score, reused credentials included),
 * {@code skillSummary} (each skill's score, source and feedback, as text), {@code allSkillsPassed}, and
 * {@code interviewSummary} until an interview is recorded.
 */
@Component
class SummariseSkillsDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PromotionSkills skills;

  SummariseSkillsDelegate(PromotionSkills skills) {
    this.skills = skills;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    PromotionSkills.Summary summary = skills.summarise(execution.getProcessBusinessKey());
    SKILL_SCORES.on(execution, Spin.JSON(JSON.writeValueAsString(summary.scores())));
    SKILL_SUMMARY.on(execution, summary.text());
    ALL_SKILLS_PASSED.on(execution, summary.allPassed());
    INTERVIEW_SUMMARY.on(execution, summary.interview());
  }
}
