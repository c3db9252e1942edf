package org.microcredentials.framework;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.microcredentials.RuleViolation;

/**
 * A version of the skills framework. Versions only grow: every credential records the version
 * it was assessed against, and a new version never rewrites an old one.
 */
public record SkillFramework(int version, String label, List<Skill> skills, Map<Integer, List<String>> levelProfiles) {

  /** The fewest skills a level profile names: a promotion is judged on more than one or two skills. */
  public static final int SKILLS_PER_PROFILE = 4;

  public SkillFramework {
    skills = skills == null ? List.of() : List.copyOf(skills);
    Map<Integer, List<String>> profiles = new TreeMap<>();
    if (levelProfiles != null) {
      levelProfiles.forEach((level, codes) -> profiles.put(level, codes == null ? List.of() : List.copyOf(codes)));
    }
    levelProfiles = Collections.unmodifiableMap(profiles);
  }

  public SkillFramework(int version, String label, List<Skill> skills) {
    this(version, label, skills, Map.of());
  }

  /** The same framework as a new version, with other skills and the same level profiles. */
  public SkillFramework next(String label, List<Skill> nextSkills) {
    return new SkillFramework(version + 1, label, nextSkills, levelProfiles);
  }

  /**
   * The skills a promotion to {@code level} requires (its level profile), in the framework's order.
   * Empty when the framework defines no profile for that level.
   */
  public List<Skill> requiredFor(int level) {
    List<String> codes = levelProfiles.getOrDefault(level, List.of());
    return skills.stream().filter(skill -> codes.contains(skill.code())).toList();
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
    validateLevelProfiles(codes);
  }

  /** Each level 2..6 has a profile naming enough known skills, each once: promotions are judged against them. */
  private void validateLevelProfiles(Set<String> codes) {
    for (int level = Seniority.LOWEST + 1; level <= Seniority.HIGHEST; level++) {
      List<String> profile = levelProfiles.getOrDefault(level, List.of());
      if (profile.size() < SKILLS_PER_PROFILE || Set.copyOf(profile).size() != profile.size()) {
        throw RuleViolation.invalid("level-profile-complete", "The level profile of level " + level + " must name at least "
            + SKILLS_PER_PROFILE + " different skills; it names " + profile + ".");
      }
      List<String> unknown = profile.stream().filter(code -> !codes.contains(code)).toList();
      if (!unknown.isEmpty()) {
        throw RuleViolation.invalid("level-profile-complete",
            "The level profile of level " + level + " names skills the framework does not have: " + unknown + ".");
      }
    }
    if (!levelProfiles.keySet().stream().allMatch(level -> level > Seniority.LOWEST && level <= Seniority.HIGHEST)) {
      throw RuleViolation.invalid("level-profile-complete",
          "Level profiles exist for the levels one is promoted to, 2 to 6, not " + levelProfiles.keySet() + ".");
    }
  }
}
