package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reads what of an application in flight, through every door: {@code /engine-rest} (runtime
 * and history), Tasklist's engine API, and {@code /api}. alice (level 2) applies for iLAN:3; erin
 * (SEM team) assigns carol; carol scores 9; the peer review waits.
 *
 * <p>No other engineer reads anything of it; alice follows her application but does not read its
 * variables (her score reaches her from the assessor); the SEM team and the administrator read
 * all; a possible reviewer reads it through the review task, and only there.
 */
@ApplicationTest
class ApplicationVisibilityIT {

  private static final ParameterizedTypeReference<String> TEXT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  RestCalls calls;
  SelfSubmissions app;
  ProcessInstance instance;
  String key;
  String review;
  /** The application's instances: the self-submission and the review round it called (same business key). */
  List<String> instances;

  @BeforeEach
  void anApplicationAtPeerReview() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    instance = app.submit("alice", "iLAN", 3);
    key = instance.getBusinessKey();
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    review = app.task(instance, ReviewRoundProcess.Tasks.PEER_REVIEW).getId();
    instances = List.of(instance.getId(), app.current(instance));
    assertThat(instances).doesNotHaveDuplicates();
  }

  @Test
  void anotherEngineerReadsNothingOfIt() {
    for (String outsider : List.of("bob", "henry")) for (String id : instances) {
      assertThat(list(outsider, "/engine-rest/process-instance?businessKey=" + key)).isEmpty();
      assertThat(status(outsider, "/engine-rest/process-instance/" + id)).isNotEqualTo(200);
      assertThat(status(outsider, "/engine-rest/process-instance/" + id + "/variables")).isEqualTo(403);
      assertThat(status(outsider, "/engine-rest/process-instance/" + id + "/variables/score"))
          .isEqualTo(403);
      assertThat(list(outsider, "/engine-rest/variable-instance?processInstanceIdIn=" + id)).isEmpty();
      assertThat(list(outsider, "/engine-rest/execution?processInstanceId=" + id)).isEmpty();
      assertThat(list(outsider, "/engine-rest/task?processInstanceBusinessKey=" + key)).isEmpty();
      assertThat(status(outsider, "/engine-rest/task/" + review + "/variables")).isNotEqualTo(200);
      assertThat(status(outsider, "/engine-rest/task/" + review + "/form-variables")).isNotEqualTo(200);
      assertThat(list(outsider, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)).isEmpty();
      assertThat(list(outsider, "/engine-rest/history/variable-instance?processInstanceId=" + id))
          .isEmpty();
      assertThat(list(outsider, "/engine-rest/history/detail?processInstanceId=" + id)).isEmpty();
      assertThat(list(outsider, "/engine-rest/history/task?processInstanceBusinessKey=" + key)).isEmpty();
      assertThat(list(outsider, "/engine-rest/history/activity-instance?processInstanceId=" + id))
          .isEmpty();

      TasklistSession tasklist = TasklistSession.login(rest, outsider);
      assertThat(tasklist.get("/task?processInstanceBusinessKey=" + key + "&firstResult=0&maxResults=15", TEXT)
          .getBody()).isEqualTo("[]");
      assertThat(tasklist.get("/process-instance/" + id + "/variables", TEXT).getStatusCode().value())
          .isEqualTo(403);
      assertThat(tasklist.get("/task/" + review + "/form-variables", TEXT).getStatusCode().is2xxSuccessful())
          .isFalse();
    }
  }

  @Test
  void theCandidateFollowsHerApplicationWithoutReadingItsScores() {
    assertThat(list("alice", "/engine-rest/process-instance?businessKey=" + key)).extracting(each -> each.get("id"))
        .containsExactlyInAnyOrderElementsOf(instances);
    for (String id : instances) {
      assertThat(status("alice", "/engine-rest/process-instance/" + id + "/variables")).isEqualTo(403);
      assertThat(list("alice", "/engine-rest/variable-instance?processInstanceIdIn=" + id)).isEmpty();
      assertThat(list("alice", "/engine-rest/history/variable-instance?processInstanceId=" + id))
          .isEmpty();
      assertThat(list("alice", "/engine-rest/history/detail?processInstanceId=" + id)).isEmpty();
    }
    // The review of her own application is hidden from her.
    assertThat(list("alice", "/engine-rest/task?processInstanceBusinessKey=" + key)).isEmpty();
    assertThat(status("alice", "/engine-rest/task/" + review + "/form-variables")).isNotEqualTo(200);
  }

  @Test
  void aPossibleReviewerReadsItThroughTheReviewOnly() {
    assertThat(list("dave", "/engine-rest/task?processInstanceBusinessKey=" + key)).extracting(task -> task.get("id"))
        .containsExactly(review);
    assertThat(status("dave", "/engine-rest/task/" + review + "/form-variables")).isEqualTo(200);
    assertThat(list("dave", "/engine-rest/process-instance?businessKey=" + key)).isEmpty();
    for (String id : instances) {
      assertThat(status("dave", "/engine-rest/process-instance/" + id + "/variables")).isEqualTo(403);
      assertThat(list("dave", "/engine-rest/history/variable-instance?processInstanceId=" + id)).isEmpty();
    }
  }

  @Test
  void theSemTeamAndTheAdministratorReadAll() {
    for (String reader : List.of("erin", "ivan", "demo")) {
      assertThat(list(reader, "/engine-rest/process-instance?businessKey=" + key)).extracting(each -> each.get("id"))
          .containsExactlyInAnyOrderElementsOf(instances);
      // The score is the review round's (where the assessment was done).
      Map<String, Object> score = calls.get(reader,
          "/engine-rest/process-instance/" + app.current(instance) + "/variables/score", RestCalls.OBJECT).getBody();
      assertThat(score).containsEntry("value", 9);
      for (String id : instances) {
        assertThat(list(reader, "/engine-rest/history/variable-instance?processInstanceId=" + id)).isNotEmpty();
      }
    }
    // The SEM team reads; it does not change or cancel an application, in either of its instances.
    for (String id : instances) {
      assertThat(calls.post("erin", "/engine-rest/process-instance/" + id + "/variables",
          Map.of("modifications", Map.of("score", Map.of("value", 10, "type", "Integer")))).getStatusCode().value())
          .isEqualTo(403);
      assertThat(rest.withBasicAuth("erin", "erin").exchange("/engine-rest/process-instance/" + id,
          org.springframework.http.HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(403);
    }
  }

  /**
   * What the person reads of a list: its rows, or nothing when the query itself is not theirs to run
   * (the engine REST allow list refuses it: Cockpit's variable and execution queries are the SEM team's).
   */
  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<String> response = calls.get(user, path, TEXT);
    if (response.getStatusCode().value() == 403 && response.getBody() != null
        && response.getBody().contains("\"rule\":\"engine-allow-list\"")) {
      return List.of();
    }
    assertThat(response.getStatusCode().value()).as("%s GET %s", user, path).isEqualTo(200);
    return calls.get(user, path, RestCalls.LIST).getBody();
  }

  private int status(String user, String path) {
    return calls.get(user, path, TEXT).getStatusCode().value();
  }
}
