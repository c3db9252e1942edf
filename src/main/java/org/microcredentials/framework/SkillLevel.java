package org.microcredentials.framework;

import java.util.List;

/** What a skill looks like at one level of the ladder. */
public record SkillLevel(
    int level,
    Tier tier,
    String criteria,
    List<String> nextSteps,
    List<String> mentors,
    String learningPath) {

  public SkillLevel {
    nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    mentors = mentors == null ? List.of() : List.copyOf(mentors);
  }
}
