package org.microcredentials.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A team is walked again when the organisation's version has moved since it was walked, and only then. */
class TeamMembershipsTest {

  private final AtomicLong organisationVersion = new AtomicLong();
  private JdbcClient jdbc;
  private TeamMemberships teams;

  @BeforeEach
  void organisation() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("create table engineer (user_id varchar(64) primary key, line_manager_id varchar(64))").update();
    // ann leads bob and cid; bob leads dan.
    moveTo("bob", "ann");
    moveTo("cid", "ann");
    moveTo("dan", "bob");
    teams = new TeamMemberships(jdbc, organisationVersion::get);
  }

  @Test
  void aTeamIsWalkedAgainWhenTheOrganisationsVersionMoved() {
    assertThat(teams.of("ann").members()).containsExactly("bob", "cid", "dan");

    // A write that moves the version, as Organisation.save does in the same transaction.
    moveTo("eve", "cid");
    organisationVersion.incrementAndGet();

    assertThat(teams.of("ann").members()).containsExactly("bob", "cid", "dan", "eve");
    assertThat(teams.of("bob").members()).containsExactly("dan");
  }

  @Test
  void whileTheVersionStandsTheTeamAsWalkedIsTaken() {
    TeamMembership walked = teams.of("ann");

    // Written behind the organisation's back: the version did not move, so the team is not walked again.
    moveTo("eve", "cid");

    assertThat(teams.of("ann")).isSameAs(walked);
    organisationVersion.incrementAndGet();
    assertThat(teams.of("ann")).isNotSameAs(walked);
  }

  @Test
  void theTeamsReadLastAreKept() {
    TeamMembership first = teams.of("ann");
    for (int other = 1; other <= TeamMemberships.KEPT; other++) {
      teams.of("nobody" + other);
    }

    assertThat(teams.of("ann")).isNotSameAs(first).isEqualTo(first);
    assertThat(teams.of("ann")).isSameAs(teams.of("ann"));
  }

  private void moveTo(String userId, String lineManager) {
    jdbc.sql("merge into engineer (user_id, line_manager_id) key (user_id) values (?, ?)").params(userId, lineManager)
        .update();
  }
}
