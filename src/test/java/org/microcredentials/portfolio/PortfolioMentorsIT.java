package org.microcredentials.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each card of the portfolio names, by their names, the mentors the current framework gives for the next level
 * (the level's own where the next names none); the page reads the names of all of them at once.
 */
@ApplicationTest
class PortfolioMentorsIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;

  @BeforeEach
  void setUp() {
    new SelfSubmissions(engine, jdbc).clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void eachCardNamesTheMentorsOfItsNextLevel() {
    issue("iLAN", 3);
    issue("iLAN", 2);
    issue("iLAN", 6);

    String portfolio = rest.withBasicAuth("alice", "alice").getForEntity("/api/engineers/alice/portfolio", String.class)
        .getBody();

    assertThat(portfolio).contains("Next: iLAN:4", "Mentors: Grace Hopper", "Next: iLAN:3",
        "Mentors: Erin Example, Frank Example", "Top level reached");
  }

  private void issue(String skill, int level) {
    register.issue(new CredentialRegister.Issue("APP-2026-" + System.nanoTime() % 1_000_000, "alice", skill, level, 9,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "Evidence for " + skill + ":" + level + ".", 8));
  }
}
