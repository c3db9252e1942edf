package org.microcredentials.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * /actuator/health as production runs it (job executor on): open without login, UP, with the
 * database, the process engine and the job executor as components, and no details.
 */
@ApplicationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=true")
class OperationsHealthIT {

  @Autowired TestRestTemplate rest;

  @Test
  @SuppressWarnings("unchecked")
  void healthIsOpenAndShowsTheDatabaseAndTheJobExecutor() {
    ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
    assertThat(health.getStatusCode()).as("health: " + health.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP");
    Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
    assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP").doesNotContainKey("details");
    assertThat((Map<String, Object>) components.get("jobExecutor")).containsEntry("status", "UP").doesNotContainKey("details");
    assertThat((Map<String, Object>) components.get("processEngine")).containsEntry("status", "UP");
  }
}
