package org.microcredentials.framework;

/** The seniority ladder: levels 1 (Engineer I) to 6 (Head of Engineering). Skill levels use the same numbers. */
public final class Seniority {

  public static final int LOWEST = 1;
  public static final int HIGHEST = 6;

  private Seniority() {
  }

  public static boolean isOnLadder(int level) {
    return level >= LOWEST && level <= HIGHEST;
  }
}
