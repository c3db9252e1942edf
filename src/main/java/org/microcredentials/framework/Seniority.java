package org.microcredentials.framework;

/** The seniority ladder: levels 1 (Engineer I) to 6 (Head of Engineering). Skill levels use the same numbers. */
public final class Seniority {

  public static final int LOWEST = 1;
  public static final int HIGHEST = 6;

  private Seniority() {
  }

  /** The role a promotion to a level gives by default (DOMAIN.md's ladder; an admin may name another, e.g. TTL or SEM). */
  private static final java.util.List<String> ROLES = java.util.List.of("Engineer I", "Engineer II", "Senior Engineer I",
      "Senior Engineer II", "Principal Engineer", "Head of Engineering");

  public static boolean isOnLadder(int level) {
    return level >= LOWEST && level <= HIGHEST;
  }

  public static String defaultRole(int level) {
    return ROLES.get(level - LOWEST);
  }
}
