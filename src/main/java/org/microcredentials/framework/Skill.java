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

  public Skill retire() {
    return new Skill(code, name, description, true, levels);
  }
}
