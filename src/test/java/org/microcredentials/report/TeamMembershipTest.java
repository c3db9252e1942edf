package org.microcredentials.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team walked one level at a time ({@link TeamMembership#of}) is the team the full query walks
 * ({@link ReportConditions#with()}), at any depth down to {@link TeamMembership#DEEPEST_LEVEL}, and both walks end
 * on a cycle in line management.
 */
class TeamMembershipTest {

  private JdbcClient jdbc;

  @BeforeEach
  void organisation() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("create table engineer (user_id varchar(64) primary key, line_manager_id varchar(64))").update();
    jdbc.sql("create index engineer_by_line_manager on engineer (line_manager_id, user_id)").update();
    // ann leads bob and cid; bob leads dan; dan leads eve; fay stands apart.
    engineers("ann", null, "bob", "ann", "cid", "ann", "dan", "bob", "eve", "dan", "fay", null);
  }

  @Test
  void aTeamIsEveryoneBelowTheLineManagerAtAnyDepthAsTheQueryWalksIt() {
    assertThat(TeamMembership.of(jdbc, "ann").members()).containsExactly("bob", "cid", "dan", "eve")
        .isEqualTo(walkedByTheQuery("ann"));
    assertThat(TeamMembership.of(jdbc, "dan").members()).containsExactly("eve").isEqualTo(walkedByTheQuery("dan"));
    assertThat(TeamMembership.of(jdbc, "fay").members()).isEmpty();
    assertThat(TeamMembership.of(jdbc, "nobody").members()).isEmpty();
  }

  @Test
  void aCycleInLineManagementEndsTheWalkWithEveryoneOnItOnce() {
    jdbc.sql("update engineer set line_manager_id = 'eve' where user_id = 'bob'").update();

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertThat(TeamMembership.of(jdbc, "bob").members()).containsExactly("bob", "dan", "eve")
          .isEqualTo(walkedByTheQuery("bob"));
      assertThat(TeamMembership.of(jdbc, "ann").members()).containsExactly("cid").isEqualTo(walkedByTheQuery("ann"));
    });
  }

  @Test
  void aTeamReachesTheDeepestLevelAndNoFurther() {
    // A line of DEEPEST_LEVEL + 1 engineers below fay: l1 reports to fay, l2 to l1, and so on.
    String manager = "fay";
    for (int level = 1; level <= TeamMembership.DEEPEST_LEVEL + 1; level++) {
      engineers("l" + level, manager);
      manager = "l" + level;
    }

    List<String> members = TeamMembership.of(jdbc, "fay").members();
    assertThat(members).hasSize(TeamMembership.DEEPEST_LEVEL).contains("l1", "l" + TeamMembership.DEEPEST_LEVEL)
        .doesNotContain("l" + (TeamMembership.DEEPEST_LEVEL + 1)).isEqualTo(walkedByTheQuery("fay"));
  }

  @Test
  void aTeamThatGainedAMemberHasAnotherDigest() {
    TeamMembership before = TeamMembership.of(jdbc, "ann");
    assertThat(TeamMembership.of(jdbc, "ann").digest()).isEqualTo(before.digest());

    jdbc.sql("update engineer set line_manager_id = 'cid' where user_id = 'fay'").update();

    assertThat(TeamMembership.of(jdbc, "ann").digest()).isNotEqualTo(before.digest());
  }

  private List<String> walkedByTheQuery(String lineManager) {
    ReportConditions conditions = new ReportConditions(new ReportFilter(null, null, null, lineManager), null);
    return jdbc.sql(conditions.with() + "select distinct user_id from team order by user_id")
        .params(conditions.parameters)
        .query(String.class).list();
  }

  private void engineers(String... userIdsAndLineManagers) {
    for (int i = 0; i < userIdsAndLineManagers.length; i += 2) {
      jdbc.sql("insert into engineer (user_id, line_manager_id) values (?, ?)")
          .params(userIdsAndLineManagers[i], userIdsAndLineManagers[i + 1]).update();
    }
  }
}
