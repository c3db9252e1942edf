package org.microcredentials.framework;

import java.util.List;
import java.util.Optional;

/** One skill of the framework, e.g. {@code iLAN} Language Knowledge, with its criteria per level. */
public record Skill(String code, String name, String description, boolean retired, List<SkillLevel> levels) {

  public Skill {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }

  public Optional<SkillLevel> level(int level) {
    return levels.stream().filter(l -> l.level() == level).findFirst();
  }

  /**
   * The next steps toward {@code level}: those the level below gives (each level's next steps lead to
   * the one above it); none toward the first level.
   */
  public List<String> stepsToward(int level) {
    return level(level - 1).map(SkillLevel::nextSteps).orElse(List.of());
  }

  public Skill retire() {
    return new Skill(code, name, description, true, levels);
  }
}
