package org.microcredentials.access;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the planner read Camunda's check for REVOKE authorizations through its indexes, whatever the
 * parameters.
 *
 * <p>Once a command of a person, the engine asks whether any REVOKE names them or one of their groups
 * ({@code authorizationCheckRevokes} "auto", which our REVOKEs need: {@link ParticipantAccess}):
 * {@code SELECT CASE WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 2 AND (USER_ID_ IN (?, '*') OR
 * GROUP_ID_ IN (?, ...))) ...}. The JDBC driver prepares it on the server from its fifth use on a connection, and
 * PostgreSQL then plans it once for any parameters. With a few groups among the authorizations, a group given as a
 * parameter is taken to match a fair share of the rows, so that plan reads the table from its start, expecting an early
 * match; for a person with no REVOKE there is none, and it reads every row (20,000 at scale: 12 to 24 ms a request,
 * against 0.1 ms for the two index look-ups the statement gets when planned for its values; docs/performance.md).
 *
 * <p>Telling the planner that the authorizations' groups are about as many as their rows ({@code n_distinct}) makes a
 * group given as a parameter rare to it, and that one plan the index look-ups. The groups that are most common stay
 * counted as {@code ANALYZE} finds them, so a statement that names a group by its value is estimated as before. The
 * same statement gives the same answer; only its plan changes. Set once, then kept by PostgreSQL; nothing on H2.
 */
@Component
class RevokeCheckPlan {

  private static final Logger LOG = LoggerFactory.getLogger(RevokeCheckPlan.class);
  static final String SETTING = "n_distinct=-1";

  private final DataSource dataSource;

  /** The engine first: it creates ACT_RU_AUTHORIZATION. */
  RevokeCheckPlan(DataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void groupsAsManyAsTheirRows() {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (ResultSet column = sql.executeQuery("select coalesce(array_to_string(attoptions, ','), '') from pg_attribute"
          + " where attrelid = to_regclass('act_ru_authorization') and attname = 'group_id_'")) {
        if (!column.next() || column.getString(1).contains(SETTING)) {
          return;
        }
      }
      sql.execute("alter table act_ru_authorization alter column group_id_ set (" + SETTING.replace("=", " = ") + ")");
      // The setting counts from the table's next ANALYZE (autovacuum's, or this one).
      sql.execute("analyze act_ru_authorization");
      LOG.info("ACT_RU_AUTHORIZATION.GROUP_ID_ planned as about one group a row ({})", SETTING);
    } catch (SQLException refused) {
      // Without it every answer is the same, only slower: no reason to keep the application from starting.
      LOG.warn("Could not set the planner's statistics of ACT_RU_AUTHORIZATION.GROUP_ID_ ({}): {}", SETTING,
          refused.getMessage());
    }
  }
}
