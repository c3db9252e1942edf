package org.microcredentials.promotion;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.microcredentials.credential.CredentialView;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Component;

/**
 * What the promotion's forms and its outcome mail show, as plain text (the forms show it in read-only
 * text areas, never as markup): the required skills and how each is covered, the candidate's
 * credentials, a skill's criteria at the target level, every skill's outcome with its feedback, and the interview before one is held.
 */
@Component
class PromotionTexts {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final Organisation organisation;
  private final ScorePolicy scores;

  PromotionTexts(Organisation organisation, ScorePolicy scores) {
    this.organisation = organisation;
    this.scores = scores;
  }

  String credentials(List<CredentialView> held) {
    return held.isEmpty() ? "None." : held.stream().map(credential -> credential.skillCode() + ":" + credential.skillLevel()
        + ", score " + credential.score() + ", " + credential.source().name().toLowerCase().replace('_', '-')
        + ", counts for promotion until " + DAY.format(credential.validForPromotionUntil()))
        .collect(Collectors.joining("\n"));
  }

  String criteria(SkillFramework framework, String skillCode, int level) {
    Skill skill = framework.skill(skillCode).orElseThrow(() -> new IllegalStateException("No skill " + skillCode));
    return skill.level(level).map(described -> {
      List<String> toward = skill.stepsToward(level);
      String steps = toward.isEmpty() ? "" : "\nNext steps: " + String.join("; ", toward);
      return skill.name() + " at level " + level + " (" + described.tier().name().toLowerCase() + "): "
          + described.criteria() + steps;
    }).orElse(skill.name() + ": no criteria are written for level " + level + ".");
  }

  String skillName(SkillFramework framework, String skillCode) {
    return framework.skill(skillCode).map(Skill::name).orElse(skillCode);
  }

  /** Every required skill: its score, where it comes from, and the assessor's justification and areas to improve. */
  String outcomes(SkillFramework framework, List<PromotionRegister.SkillOutcome> skills) {
    return skills.stream().map(skill -> {
      String head = skill.skillCode() + " " + skillName(framework, skill.skillCode()) + ": ";
      if (!skill.settled()) {
        return head + "not assessed yet";
      }
      String verdict = skill.score() + " out of 10, " + (scores.passes(skill.score()) ? "at the pass mark" : "below the pass mark");
      if (skill.reused()) {
        return head + verdict + " (a credential valid for promotion, reused)";
      }
      StringBuilder text = new StringBuilder(head + verdict + " (assessed by " + name(skill.assessorId()) + ")");
      if (skill.justification() != null) {
        text.append("\n  Why: ").append(skill.justification());
      }
      if (skill.improvementAreas() != null) {
        text.append("\n  Areas to improve: ").append(skill.improvementAreas());
      }
      return text.toString();
    }).collect(Collectors.joining("\n"));
  }

  /** The interview before any is recorded: to be held, or none needed at this level. */
  String interviewBefore(int targetLevel) {
    return PromotionDecision.interviewRequired(targetLevel)
        ? "Not held yet." : "None: a promotion to level " + targetLevel + " needs no interview.";
  }

  private String name(String userId) {
    return userId == null ? "nobody" : organisation.find(userId).map(Engineer::displayName).orElse(userId);
  }
}
