package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.OBJECT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.CleanSlate;
import org.microcredentials.testing.RestCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /api/engineers/{userId}/promotion-eligibility}: the next level and which of its skills are covered. */
@ApplicationTest
class PromotionEligibilityRestIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CredentialRegister credentials;

  @BeforeEach
  void setUp() {
    CleanSlate.clear(engine, jdbc);
  }

  @Test
  @SuppressWarnings("unchecked")
  void bobSeesLevelFourAndWhichOfItsSkillsHisCredentialsCover() {
    credentials.issue(new CredentialRegister.Issue("APP-2026-900001", "bob", "iOWN", 4, 9, CredentialSource.SELF_SUBMISSION,
        "carol", List.of("dave", "frank"), 1, "Problem: p\nActions: a\nResults: r", 8));
    credentials.issue(new CredentialRegister.Issue("APP-2026-900002", "bob", "iARCH", 3, 10, CredentialSource.SELF_SUBMISSION,
        "carol", List.of("dave"), 1, "Problem: p\nActions: a\nResults: r", 8));

    Map<String, Object> answer = new RestCalls(rest).get("bob", "/api/engineers/bob/promotion-eligibility", OBJECT).getBody();

    assertThat(answer).containsEntry("eligible", true).containsEntry("nextLevel", 4);
    List<Map<String, Object>> required = (List<Map<String, Object>>) answer.get("requiredSkills");
    assertThat(required).extracting(skill -> skill.get("skillCode"))
        .containsExactlyInAnyOrder("iPERF", "iOWN", "iARCH", "iSEC", "iCOMM", "iMENT");
    Map<String, Object> ownership = required.stream().filter(s -> s.get("skillCode").equals("iOWN")).findFirst().orElseThrow();
    assertThat(ownership).containsEntry("covered", true).containsEntry("score", 9).containsEntry("credentialLevel", 4);
    Map<String, Object> architecture = required.stream().filter(s -> s.get("skillCode").equals("iARCH")).findFirst().orElseThrow();
    assertThat(architecture).containsEntry("covered", false); // iARCH:3 is below the target level
    assertThat((String) architecture.get("criteria")).isNotBlank();

    Map<String, Object> grace = new RestCalls(rest).get("grace", "/api/engineers/grace/promotion-eligibility", OBJECT).getBody();
    assertThat(grace).containsEntry("nextLevel", null).containsEntry("requiredSkills", List.of());
  }
}
