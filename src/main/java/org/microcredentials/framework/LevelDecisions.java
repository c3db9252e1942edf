package org.microcredentials.framework;

/**
 * Where a level decided in the application (a promotion, or one undone) is remembered while the organisation's
 * source of truth is elsewhere (profile {@code ldap}: the directory is HR's), so that reading the directory again
 * never undoes it. Without a directory there is none.
 */
public interface LevelDecisions {

  /** The engineer's level was changed in the application from {@code previousLevel} to {@code level}. */
  void decided(String userId, int previousLevel, int level);
}
