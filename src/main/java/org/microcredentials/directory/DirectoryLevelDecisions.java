package org.microcredentials.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.microcredentials.framework.LevelDecisions;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The levels decided in the application that the directory has not caught up with yet (table {@code level_decision}).
 * A decision is written in the transaction that changes the level, and removed by the sync that finds the directory at
 * (or past) the decided level.
 */
@Repository
@Profile("ldap")
class DirectoryLevelDecisions implements LevelDecisions {

  /** A level decided in the application; {@code directoryLevel} is what the directory said at the last sync. */
  record Decision(String userId, int previousLevel, int decidedLevel, OffsetDateTime decidedAt, Integer directoryLevel) {

    /** Whether the directory now says what was decided (or has gone further the same way). */
    boolean caughtUpBy(int directoryLevel) {
      return decidedLevel > previousLevel ? directoryLevel >= decidedLevel : directoryLevel <= decidedLevel;
    }
  }

  private static final RowMapper<Decision> DECISION = (row, number) -> new Decision(row.getString("user_id"),
      row.getInt("previous_level"), row.getInt("decided_level"), row.getObject("decided_at", OffsetDateTime.class),
      (Integer) row.getObject("directory_level"));

  private final JdbcClient jdbc;
  private final Clock clock;

  DirectoryLevelDecisions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Joins the decision's transaction. A second decision before the directory caught up keeps the level the directory
   * had; one that brings the level back to it (a promotion undone) leaves nothing to wait for.
   */
  @Override
  public void decided(String userId, int previousLevel, int level) {
    Optional<Decision> earlier = find(userId);
    int directoryLevel = earlier.map(Decision::previousLevel).orElse(previousLevel);
    if (level == directoryLevel) {
      jdbc.sql("delete from level_decision where user_id = ?").param(userId).update();
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    if (earlier.isPresent()) {
      jdbc.sql("update level_decision set decided_level = ?, decided_at = ? where user_id = ?")
          .params(level, now, userId).update();
    } else {
      jdbc.sql("""
              insert into level_decision (user_id, previous_level, decided_level, decided_at, directory_level)
              values (?, ?, ?, ?, ?)""")
          .params(userId, previousLevel, level, now, previousLevel).update();
    }
  }

  Optional<Decision> find(String userId) {
    return jdbc.sql("select * from level_decision where user_id = ?").param(userId).query(DECISION).optional();
  }

  List<Decision> all() {
    return jdbc.sql("select * from level_decision order by user_id").query(DECISION).list();
  }

  void caughtUp(String userId) {
    jdbc.sql("delete from level_decision where user_id = ?").param(userId).update();
  }

  void directorySays(String userId, Integer directoryLevel) {
    jdbc.sql("update level_decision set directory_level = ? where user_id = ?").params(directoryLevel, userId).update();
  }
}
