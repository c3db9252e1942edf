package org.microcredentials.framework;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcredentials.RuleViolation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The engineers of the organisation: seniority level and line manager of each. */
@Repository
public class Organisation {

  private static final String COLUMNS = "user_id, display_name, email, seniority_level, role_title, line_manager_id";
  /**
   * Read by column name as selected. Not {@code query(Engineer.class)}: Spring's property mapper asks the
   * driver for {@code lineManagerId} before {@code line_manager_id}, and H2 answers each miss with an
   * exception it writes to its trace file, stack and all (five per engineer read; thousands a minute
   * under SoakFaultIT's load).
   */
  private static final RowMapper<Engineer> ENGINEER = (row, number) -> new Engineer(row.getString("user_id"),
      row.getString("display_name"), row.getString("email"), row.getInt("seniority_level"), row.getString("role_title"),
      row.getString("line_manager_id"));

  private final JdbcClient jdbc;

  Organisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Engineer> find(String userId) {
    return jdbc.sql("select " + COLUMNS + " from engineer where user_id = ?")
        .param(userId).query(ENGINEER).optional();
  }

  /** The display names of those of {@code userIds} who are engineers of the organisation, by user id: one statement. */
  public Map<String, String> displayNames(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    jdbc.sql("select user_id, display_name from engineer where user_id in (:userIds)").param("userIds", userIds)
        .query((ResultSet row) -> {
          names.put(row.getString("user_id"), row.getString("display_name"));
        });
    return names;
  }

  public Engineer engineer(String userId) {
    return find(userId).orElseThrow(() -> RuleViolation.invalid("known-engineer",
        "'" + userId + "' is not an engineer of the organisation."));
  }

  /**
   * Reads the engineer and locks their row until the transaction ends, so that two requests of
   * the same person (e.g. two submissions at once) are counted one after the other.
   */
  public Engineer lock(String userId) {
    return jdbc.sql("select " + COLUMNS + " from engineer where user_id = ? for update")
        .param(userId).query(ENGINEER).optional()
        .orElseThrow(() -> RuleViolation.invalid("known-engineer", "'" + userId + "' is not an engineer of the organisation."));
  }

  public List<Engineer> all() {
    return jdbc.sql("select " + COLUMNS + " from engineer order by seniority_level desc, user_id")
        .query(ENGINEER).list();
  }

  /** The engineers at {@code level} or above, in the order of {@link #all()}. */
  public List<Engineer> allFromLevel(int level) {
    return jdbc.sql("select " + COLUMNS + " from engineer where seniority_level >= ? order by seniority_level desc, user_id")
        .param(level).query(ENGINEER).list();
  }

  /**
   * A number that grows with every {@link #save} once its transaction commits: what was read of the organisation (a
   * line manager's team) still holds while it is unchanged.
   */
  public long version() {
    return jdbc.sql("select version from organisation_version where id = 1").query(Long.class).single();
  }

  /**
   * Adds the engineer, or updates their level, role and line manager, and moves the organisation's {@link #version}
   * in the same transaction. The version last: the paths that hold engineers' rows before they save (a promotion's
   * level change, {@link #lock}; the directory's sync, which locks them all) take it after those rows, as this does,
   * so no writer holds the version while it waits for an engineer's row. Two writers of different engineers wait for
   * each other at the version, the second until the first commits.
   */
  public void save(Engineer engineer) {
    int updated = jdbc.sql("""
            update engineer set display_name = ?, email = ?, seniority_level = ?, role_title = ?, line_manager_id = ?
            where user_id = ?""")
        .params(engineer.displayName(), engineer.email(), engineer.seniorityLevel(), engineer.roleTitle(),
            engineer.lineManagerId(), engineer.userId())
        .update();
    if (updated == 0) {
      jdbc.sql("insert into engineer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
          .params(engineer.userId(), engineer.displayName(), engineer.email(), engineer.seniorityLevel(),
              engineer.roleTitle(), engineer.lineManagerId())
          .update();
    }
    jdbc.sql("update organisation_version set version = version + 1 where id = 1").update();
  }
}
