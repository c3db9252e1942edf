package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.string;
import static org.microcredentials.testing.RestCalls.variables;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task takes the fields of its form and nothing else, through every call that sets variables:
 * a reviewer cannot rewrite the candidate's evidence (which the credential carries), an
 * endorsement reviewer cannot rewrite the endorser's. The candidate still changes her evidence
 * where her task asks for it, and a field sent back unchanged is no change.
 */
@ApplicationTest
class TaskInputsIT {

  static final String REWRITTEN = "Rewritten by someone else.";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  RestCalls calls;
  SelfSubmissions app;
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
  }

  @Test
  void aReviewerCannotRewriteTheEvidence() {
    app.score(instance, "carol", 9);
    String review = app.task(instance, ReviewRoundProcess.Tasks.PEER_REVIEW).getId();
    assertThat(calls.post("dave", "/engine-rest/task/" + review + "/claim", Map.of("userId", "dave"))
        .getStatusCode().value()).isEqualTo(204);

    assertRefused(calls.post("dave", "/engine-rest/task/" + review + "/submit-form", Map.of("variables", variables(Map.of(
        "reviewAgrees", true, "reviewComment", "Agreed.", "impactProblem", REWRITTEN)))), "impactProblem");
    assertRefused(calls.post("dave", "/engine-rest/task/" + review + "/complete", Map.of("variables", variables(Map.of(
        "reviewAgrees", true, "impactResults", REWRITTEN)))), "impactResults");
    // A task's variables change only through its completion: the calls that set them alone are not on the allow list.
    assertRefusedByTheAllowList(put("dave", "/engine-rest/task/" + review + "/variables/impactActions",
        string(REWRITTEN)));
    assertRefusedByTheAllowList(calls.post("dave", "/engine-rest/task/" + review + "/variables",
        Map.of("modifications", Map.of("evidenceLinks", string("https://evil.example.org")))));
    assertRefusedByTheAllowList(calls.post("dave", "/engine-rest/task/" + review + "/variables",
        Map.of("deletions", List.of("impactProblem"))));
    assertRefusedByTheAllowList(calls.post("dave", "/engine-rest/task/" + review + "/localVariables",
        Map.of("modifications", Map.of("impactProblem", string(REWRITTEN)))));

    TasklistSession tasklist = TasklistSession.login(rest, "dave");
    ResponseEntity<String> inTasklist = tasklist.post("/task/" + review + "/submit-form", Map.of("variables", variables(Map.of(
        "reviewAgrees", true, "impactProblem", REWRITTEN))));
    assertThat(inTasklist.getStatusCode().value()).as("%s", inTasklist.getBody()).isEqualTo(400);
    assertThat(inTasklist.getBody()).contains("task-inputs", "'impactProblem'");

    assertThat(app.variable(instance, "impactProblem")).isNotEqualTo(REWRITTEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review).singleResult()).isNotNull();

    // The evidence sent back as it is (a read-only field) is no change: the review goes through.
    Object problem = app.variable(instance, "impactProblem");
    assertThat(calls.post("dave", "/engine-rest/task/" + review + "/submit-form", Map.of("variables", variables(Map.of(
        "reviewAgrees", true, "reviewComment", "Agreed.", "impactProblem", problem)))).getStatusCode().value())
        .isEqualTo(204);
  }

  @Test
  void theAssessorCannotRewriteTheEvidenceEither() {
    String assessment = app.task(instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).getId();
    assertRefused(calls.post("carol", "/engine-rest/task/" + assessment + "/submit-form", Map.of("variables", variables(Map.of(
        "score", 9, "justification", "Fine.", "impactResults", REWRITTEN)))), "impactResults");
  }

  @Test
  void theCandidateChangesHerEvidenceWhereHerTaskAsksForIt() {
    app.complete("carol", app.task(instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE),
        Map.of("moreEvidenceRequested", true, "evidenceRequest", "Show the numbers."));
    String more = app.task(instance, ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE).getId();
    assertRefused(calls.post("alice", "/engine-rest/task/" + more + "/submit-form", Map.of("variables", variables(Map.of(
        "impactProblem", "Builds took 40 minutes.", "skillLevel", 5)))), "skillLevel");
    assertThat(calls.post("alice", "/engine-rest/task/" + more + "/submit-form", Map.of("variables", variables(Map.of(
        "impactProblem", "Builds took 40 minutes.", "impactActions", "Cached and parallelised.",
        "impactResults", "Builds take 9 minutes (dashboard linked)."))))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(app.variable(instance, "impactResults"))
        .isEqualTo("Builds take 9 minutes (dashboard linked).");
  }

  @Test
  void anEndorsementReviewerCannotRewriteTheEndorsersEvidence() {
    ResponseEntity<Map<String, Object>> started = calls.post("frank",
        "/engine-rest/process-definition/key/EndorsementProcess/start", Map.of("variables", variables(Map.of(
            "candidateId", "bob", "skillCode", "iOWN", "skillLevel", 4, "score", 9,
            "impactProblem", "Incidents had no owner.", "impactActions", "Bob set up the rota.",
            "impactResults", "Recovery time halved.", "justification", "Ownership beyond his level."))));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String key = (String) started.getBody().get("businessKey");
    String review = (String) calls.singleTask("erin", key, "Task_ReviewEndorsement").get("id");
    assertRefused(calls.post("erin", "/engine-rest/task/" + review + "/submit-form", Map.of("variables", variables(Map.of(
        "reviewDecision", "approve", "reviewComment", "Fine.", "impactResults", REWRITTEN)))), "impactResults");
    assertThat(jdbc.sql("select count(*) from credential").query(Long.class).single()).isZero();
  }

  private static void assertRefusedByTheAllowList(ResponseEntity<?> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
    assertThat(String.valueOf(response.getBody())).contains("engine-allow-list");
  }

  private static void assertRefused(ResponseEntity<?> response, String field) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(String.valueOf(response.getBody())).contains("task-inputs", "'" + field + "'");
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
  }
}
