package org.microcredentials.promotion;

import java.util.List;
import java.util.stream.Collectors;
import org.microcredentials.RuleViolation;
import org.microcredentials.review.ScorePolicy;

/**
 * The decision's rules (DOMAIN.md, Promotion): a promotion needs every required skill at the pass
 * mark (reused credentials count with their score) and, from level 4, a passed interview. Not
 * promoting is always possible.
 */
final class PromotionDecision {

  private PromotionDecision() {
  }

  static boolean interviewRequired(int targetLevel) {
    return targetLevel >= PromotionApplicationProcess.INTERVIEW_FROM_LEVEL;
  }

  static boolean everySkillPassed(List<PromotionRegister.SkillOutcome> skills, ScorePolicy scores) {
    return !skills.isEmpty() && skills.stream().allMatch(skill -> skill.settled() && scores.passes(skill.score()));
  }

  /** Refuses {@code promoted = true} unless every required skill passed and, from level 4, the interview did. */
  static void check(boolean promoted, PromotionRegister.Promotion promotion, List<PromotionRegister.SkillOutcome> skills,
      ScorePolicy scores) {
    if (!promoted) {
      return;
    }
    if (!everySkillPassed(skills, scores)) {
      String below = skills.stream().filter(skill -> !skill.settled() || !scores.passes(skill.score()))
          .map(skill -> skill.skillCode() + (skill.settled() ? " scored " + skill.score() : " is not settled"))
          .collect(Collectors.joining(", "));
      throw RuleViolation.invalid("promotion-needs-every-skill", "A promotion to level " + promotion.targetLevel()
          + " needs every required skill at the pass mark of " + scores.passMark() + ": " + below + ".");
    }
    if (interviewRequired(promotion.targetLevel()) && !Boolean.TRUE.equals(promotion.interviewPassed())) {
      throw RuleViolation.invalid("promotion-needs-interview", "A promotion to level " + promotion.targetLevel()
          + " needs a passed interview" + (promotion.interviewPassed() == null ? ", and none is recorded." : "; this one was not passed."));
    }
  }
}
