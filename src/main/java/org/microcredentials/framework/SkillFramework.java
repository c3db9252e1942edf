package org.microcredentials.framework;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.microcredentials.RuleViolation;

/**
 * A version of the skills framework. Versions only grow: every credential records the version
 * it was assessed against, and a new version never rewrites an old one.
 */
public record SkillFramework(int version, String label, List<Skill> skills) {

  public SkillFramework {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  public Optional<Skill> skill(String code) {
    return skills.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /**
   * The skill a new application or endorsement may name: known, not retired, and described
   * at that level.
   */
  public Skill skillOpenForApplication(String code, int level) {
    if (!Seniority.isOnLadder(level)) {
      throw RuleViolation.invalid("skill-level-on-ladder",
          "'skillLevel': skill level " + level + " is outside the ladder: levels run from "
              + Seniority.LOWEST + " to " + Seniority.HIGHEST + ".");
    }
    Skill skill = skill(code).orElseThrow(() -> RuleViolation.invalid("known-skill",
        "'skillCode': Unknown skill '" + code + "': it is not in version " + version + " of the skills framework."));
    if (skill.retired()) {
      throw RuleViolation.conflict("skill-not-retired",
          "'skillCode': skill " + code + " (" + skill.name() + ") is retired: it takes no new applications.");
    }
    if (skill.level(level).isEmpty()) {
      throw RuleViolation.invalid("skill-level-defined",
          "'skillLevel': skill " + code + " has no level " + level + " in version " + version + " of the framework.");
    }
    return skill;
  }

  /** Checks that a framework an admin loads is whole: every skill once, every level of the ladder described. */
  public void validate() {
    if (skills.isEmpty()) {
      throw RuleViolation.invalid("framework-complete", "A skills framework needs at least one skill.");
    }
    Set<String> codes = skills.stream().map(Skill::code).collect(Collectors.toSet());
    if (codes.size() != skills.size()) {
      throw RuleViolation.invalid("framework-complete", "Every skill code must appear once in the framework.");
    }
    for (Skill skill : skills) {
      if (skill.code() == null || !skill.code().matches("[A-Za-z][A-Za-z0-9]{1,15}")) {
        throw RuleViolation.invalid("framework-complete",
            "Skill code '" + skill.code() + "' must be 2 to 16 letters or digits, starting with a letter.");
      }
      if (skill.name() == null || skill.name().isBlank()) {
        throw RuleViolation.invalid("framework-complete", "Skill " + skill.code() + " needs a name.");
      }
      for (int level = Seniority.LOWEST; level <= Seniority.HIGHEST; level++) {
        SkillLevel described = skill.level(level).orElseThrow(() -> RuleViolation.invalid("framework-complete",
            "Skill " + skill.code() + " must describe every level from 1 to 6."));
        if (described.tier() == null || described.criteria() == null || described.criteria().isBlank()) {
          throw RuleViolation.invalid("framework-complete",
              "Skill " + skill.code() + " level " + described.level() + " needs a tier and criteria.");
        }
      }
    }
  }
}
