package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once every skill is settled: their outcomes ({@link PromotionSkills#summarise}) are written once for the interview,
 * the decision and clients: {@code skillScores} (Json: skill code → score, reused credentials included),
 * {@code skillSummary} (each skill's score, source and feedback, as text), {@code allSkillsPassed}, and
 * {@code interviewSummary} until an interview is recorded.
 */
@Component
class SummariseSkillsDelegate implements JavaDelegate {

  private final PromotionSkills skills;

  SummariseSkillsDelegate(PromotionSkills skills) {
    this.skills = skills;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    skills.summarise(execution.getProcessBusinessKey()).showOn(execution);
  }
}
