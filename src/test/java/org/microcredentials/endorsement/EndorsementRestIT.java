package org.microcredentials.endorsement;

import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;
import static org.microcredentials.testing.RestCalls.string;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.notification.Notifier;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "done when", played through the REST API as Tasklist plays it, with the demo users
 * and HTTP Basic: carol endorses alice for iLAN:3 with score 9, erin asks for more justification,
 * carol adds it, erin approves, and alice holds the credential with source ENDORSEMENT; alice's
 * request to dave for iPERF:3 is declined and she is told. Runs on H2;
 * {@link EndorsementRestPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
@EndorsementDoubles
class EndorsementRestIT {


  @Autowired TestRestTemplate rest;
  RestCalls calls;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired Notifier notifier;

  Endorsements app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new Endorsements(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void carolEndorsesAliceErinAsksForMoreThenApprovesAndAliceHoldsTheCredential() {
    ResponseEntity<Map<String, Object>> started = calls.post("carol", "/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iLAN", 3, 9)));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");
    assertThat(businessKey).startsWith("END-2026-");
    app.runJobs(businessKey);

    Map<String, Object> review = calls.singleTask("erin", businessKey, "Task_ReviewEndorsement");
    assertFormShowsBusinessKey("erin", review, businessKey);
    calls.claimAndSubmit("erin", review, Map.of(
        "reviewDecision", string("request-justification"),
        "reviewComment", string("Which of the guide's sessions did alice lead herself?")));

    Map<String, Object> justification = calls.singleTask("carol", businessKey, "Task_ProvideJustification");
    assertThat(justification.get("assignee")).isEqualTo("carol");
    assertFormShowsBusinessKey("carol", justification, businessKey);
    assertThat(calls.submit("carol", justification, Map.of(
        "additionalJustification", string("All four; I attended two and have the recordings.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> secondReview = calls.singleTask("erin", businessKey, "Task_ReviewEndorsement");
    Map<String, Object> history = calls.get("erin",
        "/engine-rest/task/" + secondReview.get("id") + "/form-variables?variableNames=justificationHistory", OBJECT).getBody();
    assertThat(history.toString()).contains("Round 1, erin asked: Which of the guide's sessions",
        "Round 1, carol added: All four");
    calls.claimAndSubmit("erin", secondReview, Map.of("reviewDecision", string("approve"), "reviewComment", string("Convincing.")));
    app.runJobs(businessKey);

    List<Map<String, Object>> credentials = calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody();
    assertThat(credentials).singleElement().satisfies(credential -> {
      assertThat(credential.get("skillCode")).isEqualTo("iLAN");
      assertThat(credential.get("skillLevel")).isEqualTo(3);
      assertThat(credential.get("score")).isEqualTo(9);
      assertThat(credential.get("source")).isEqualTo("ENDORSEMENT");
      assertThat(credential.get("assessorId")).isEqualTo("carol");
      assertThat(credential.get("reviewerIds")).isEqualTo(List.of("erin"));
      assertThat(credential.get("validForPromotion")).isEqualTo(true);
    });
    assertThat(calls.tasksOf("erin", businessKey)).isEmpty();
    verify(notifier).send(argThat(message -> message.toUserId().equals("alice")
        && message.subject().equals("Endorsement approved: Alice Example holds iLAN:3")));

    // Every endorsement is kept per endorser: carol sees hers, a reviewer sees anyone's, alice does not.
    List<Map<String, Object>> carols = calls.get("carol", "/api/endorsers/carol/endorsements", LIST).getBody();
    assertThat(carols).singleElement().satisfies(endorsement -> {
      assertThat(endorsement.get("businessKey")).isEqualTo(businessKey);
      assertThat(endorsement.get("candidateId")).isEqualTo("alice");
      assertThat(endorsement.get("status")).isEqualTo("APPROVED");
      assertThat(endorsement.get("reviewerId")).isEqualTo("erin");
      assertThat(endorsement.get("justificationRounds")).isEqualTo(1);
    });
    assertThat(calls.get("frank", "/api/endorsers/carol/endorsements", LIST).getBody()).hasSize(1);
    ResponseEntity<String> notVisible = rest.withBasicAuth("alice", "alice")
        .getForEntity("/api/endorsers/carol/endorsements", String.class);
    assertThat(notVisible.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notVisible.getBody()).contains("endorsement reviewers and administrators");
  }

  @Test
  void alicesRequestToDaveIsDeclinedAndSheIsTold() {
    ResponseEntity<Map<String, Object>> started = calls.post("alice",
        "/engine-rest/process-definition/key/EndorsementRequestProcess/start", Map.of("variables", Map.of(
            "leaderId", string("dave"),
            "skillCode", string("iPERF"),
            "skillLevel", Map.of("value", 3, "type", "Integer"),
            "message", string("You saw my profiling of the checkout service."))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");
    assertThat(businessKey).startsWith("REQ-2026-");
    app.runJobs(businessKey);

    Map<String, Object> consider = calls.singleTask("dave", businessKey, "Task_ConsiderEndorsementRequest");
    assertThat(consider.get("assignee")).isEqualTo("dave");
    assertFormShowsBusinessKey("dave", consider, businessKey);
    assertThat(calls.submit("dave", consider, Map.of(
        "acceptRequest", Map.of("value", false, "type", "Boolean"),
        "declineMessage", string("Not yet: let us pair on the next load test first.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    app.runJobs(businessKey);

    assertThat(calls.tasksOf("alice", businessKey)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
    verify(notifier).send(argThat(message -> message.toUserId().equals("alice")
        && message.subject().equals("Dave Example declined your endorsement request for iPERF:3")
        && message.body().contains("Not yet: let us pair on the next load test first.")));
    assertThat(calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody()).isEmpty();
  }

  @Test
  void refusalsAnswer4xxNamingTheRuleAndLeaveNothing() {
    ResponseEntity<Map<String, Object>> lowScore = calls.post("carol", "/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iLAN", 3, 7)));
    assertThat(lowScore.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) lowScore.getBody().get("message")).contains("'score' must be a whole number from 8 to 10");

    ResponseEntity<Map<String, Object>> tooJunior = calls.post("bob", "/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iLAN", 3, 9)));
    assertThat(tooJunior.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // Only leaders (level 4+) may start an endorsement: Camunda's authorizations refuse bob first.
    assertThat((String) tooJunior.getBody().get("message")).contains("'bob' does not have", "CREATE_INSTANCE",
        "EndorsementProcess");

    ResponseEntity<Map<String, Object>> notAbove = calls.post("carol", "/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iLAN", 2, 9)));
    assertThat(notAbove.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) notAbove.getBody().get("message")).contains("above the candidate's seniority");

    assertThat(rest.postForEntity("/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iLAN", 3, 9)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(app.count("endorsement")).isZero();

    // Four-eyes: erin endorses, so erin may not review; frank may.
    String businessKey = (String) calls.post("erin", "/engine-rest/process-definition/key/EndorsementProcess/start",
        Map.of("variables", endorsement("alice", "iOWN", 3, 8))).getBody().get("businessKey");
    Map<String, Object> review = calls.singleTask("frank", businessKey, "Task_ReviewEndorsement");
    ResponseEntity<Map<String, Object>> ownClaim = calls.post("erin", "/engine-rest/task/" + review.get("id") + "/claim",
        Map.of("userId", "erin"));
    assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // The review is hidden from its endorser, though erin is an endorsement reviewer.
    assertThat((String) ownClaim.getBody().get("message")).contains("'erin' does not have", "TASK_WORK");
    assertThat(calls.tasksOf("erin", businessKey)).isEmpty();
    ResponseEntity<Map<String, Object>> ownCompletion = calls.submit("erin", review, Map.of("reviewDecision", string("approve")));
    assertThat(ownCompletion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    calls.claimAndSubmit("frank", review, Map.of("reviewDecision", string("approve")));

    // A third open request is refused.
    for (String leader : List.of("carol", "dave")) {
      assertThat(calls.post("bob", "/engine-rest/process-definition/key/EndorsementRequestProcess/start",
          Map.of("variables", request(leader))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<Map<String, Object>> third = calls.post("bob", "/engine-rest/process-definition/key/EndorsementRequestProcess/start",
        Map.of("variables", request("erin")));
    assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) third.getBody().get("message")).contains("Open request cap reached");
    assertThat(app.count("endorsement_request")).isEqualTo(2);
  }

  // --- the calls Tasklist and REST clients make

  private static Map<String, Object> endorsement(String candidateId, String skillCode, int level, int score) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("candidateId", string(candidateId));
    variables.put("skillCode", string(skillCode));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("score", Map.of("value", score, "type", "Long"));
    variables.put("impactProblem", string("Three Java styles stalled every review."));
    variables.put("impactActions", string("She wrote the language guide and led four sessions."));
    variables.put("impactResults", string("Review turnaround fell from 3 days to 1."));
    variables.put("justification", string("Six months of her pull requests: well beyond level 2."));
    return variables;
  }

  private static Map<String, Object> request(String leaderId) {
    return Map.of("leaderId", string(leaderId), "skillCode", string("iOWN"),
        "skillLevel", Map.of("value", 4, "type", "Integer"), "message", string("You saw me own the migration."));
  }

  /** The form's heading names the endorsement or request ({{businessKey}}): Tasklist fills it from the task's variables. */
  private void assertFormShowsBusinessKey(String person, Map<String, Object> task, String businessKey) {
    Map<String, Object> variables = calls.get(person,
        "/engine-rest/task/" + task.get("id") + "/form-variables?variableNames=businessKey", OBJECT).getBody();
    assertThat(variables).as("the form variables of %s", task.get("taskDefinitionKey"))
        .extractingByKey("businessKey").extracting("value").isEqualTo(businessKey);
  }
}
