package org.microcredentials.framework;

/** Depth of mastery a skill level stands for, as the badge article names it. */
public enum Tier {
  FOUNDATIONAL, PROFICIENT, EXPERT
}
