package org.microcredentials.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's check for REVOKE authorizations, planned once for any parameters as PostgreSQL plans a statement the JDBC
 * driver has prepared on the server, reads the authorizations through their indexes ({@link RevokeCheckPlan}), and
 * answers as before: yes for a person named by a REVOKE, no for one who is not.
 */
@ApplicationTest
@OnPostgres
class RevokeCheckPlanPostgresIT {

  /** The engine's statement (its mapping {@code selectRevokeAuthorization}) for a person in one group. */
  private static final String REVOKE_CHECK = "SELECT CASE WHEN EXISTS ( SELECT ID_ FROM ACT_RU_AUTHORIZATION"
      + " WHERE TYPE_ = 2 AND ( USER_ID_ IN ($1, '*') OR GROUP_ID_ IN ( $2 ) ) ) THEN 1 ELSE 0 END";
  private static final int PEOPLE = 10_000;

  @Autowired
  DataSource dataSource;

  @Test
  void theRevokeCheckReadsIndexesWhateverItsParametersAndAnswersAsBefore() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      try {
        // As at scale (the benchmark's data): one group's grant on each of 10,000 tasks, and a REVOKE hiding each task
        // from its applicant.
        sql.execute(("insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_,"
            + " resource_id_, perms_) select 'plan-grant-' || g, 1, %d, 'plan-team', null, %d, 'plan-task-' || g, 2"
            + " from generate_series(1, %d) g").formatted(Authorization.AUTH_TYPE_GRANT, Resources.TASK.resourceType(),
            PEOPLE));
        sql.execute(("insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_,"
            + " resource_id_, perms_) select 'plan-revoke-' || g, 1, %d, null, 'plan-person-' || g, %d,"
            + " 'plan-task-' || g, 2 from generate_series(1, %d) g").formatted(Authorization.AUTH_TYPE_REVOKE,
            Resources.TASK.resourceType(), PEOPLE));
        sql.execute("analyze act_ru_authorization");
        sql.execute("prepare revoke_check(varchar, varchar) as " + REVOKE_CHECK);
        sql.execute("set plan_cache_mode = force_generic_plan");

        List<String> plan = new ArrayList<>();
        try (ResultSet lines = sql.executeQuery("explain execute revoke_check('demo', 'camunda-admin')")) {
          while (lines.next()) {
            plan.add(lines.getString(1));
          }
        }
        assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Seq Scan"))
            .anyMatch(line -> line.contains("Index Scan"));
        assertThat(answer(sql, "demo", "camunda-admin")).isZero();
        assertThat(answer(sql, "plan-person-17", "engineers")).isOne();
      } finally {
        sql.execute("reset plan_cache_mode");
        sql.execute("deallocate revoke_check");
        sql.execute("delete from act_ru_authorization where id_ like 'plan-grant-%' or id_ like 'plan-revoke-%'");
        sql.execute("analyze act_ru_authorization");
      }
    }
  }

  private static int answer(Statement sql, String user, String group) throws SQLException {
    try (ResultSet answer = sql.executeQuery("execute revoke_check('" + user + "', '" + group + "')")) {
      answer.next();
      return answer.getInt(1);
    }
  }
}
