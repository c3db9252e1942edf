package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
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
    execution.setVariable(SKILL_SCORES, SpinValues.jsonValue(JSON.writeValueAsString(summary.scores())).create());
    execution.setVariable(SKILL_SUMMARY, summary.text());
    execution.setVariable(ALL_SKILLS_PASSED, summary.allPassed());
    execution.setVariable(INTERVIEW_SUMMARY, summary.interview());
  }
}
