package org.microcredentials.submission;

import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;
import static org.microcredentials.testing.RestCalls.string;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A self-submission through the REST API as Tasklist and other clients use it, with the demo
 * users and HTTP Basic: from the start to the credential at {@code /api/engineers/alice/credentials}.
 * Runs on H2; {@link SelfSubmissionRestPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
class SelfSubmissionRestIT {


  @Autowired TestRestTemplate rest;
  RestCalls calls;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired MicroCredentialsProperties properties;

  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void aFullApplicationFromStartToCredential() {
    ResponseEntity<Map<String, Object>> started = start("alice", "iLAN", 3);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");
    assertThat(businessKey).startsWith("APP-2026-");

    Map<String, Object> assignment = calls.singleTask("erin", businessKey, "Task_AssignAssessor");
    Map<String, Object> options = calls.get("erin",
        "/engine-rest/task/" + assignment.get("id") + "/variables/eligibleAssessors?deserializeValue=false", OBJECT).getBody();
    assertThat(options.get("type")).isEqualTo("Json");
    assertThat((String) options.get("value")).contains("\"carol\"").doesNotContain("\"alice\"");
    Map<String, Object> formVariables = calls.get("erin",
        "/engine-rest/task/" + assignment.get("id") + "/form-variables?variableNames=minimumAssessorLevel", OBJECT).getBody();
    assertThat(formVariables).as("the form names the configured lowest level of an assessor")
        .extractingByKey("minimumAssessorLevel").extracting("value").isEqualTo(properties.minimumAssessorLevel());
    calls.claimAndSubmit("erin", assignment, Map.of("assessorId", string("carol")));
    runJobs(businessKey);

    Map<String, Object> assessment = calls.singleTask("carol", businessKey, "Task_AssessEvidence");
    assertThat(assessment.get("assignee")).isEqualTo("carol");
    assertThat((String) assessment.get("due")).as("two-week response guideline").isNotNull();
    assertThat(calls.submit("carol", assessment, Map.of(
        "moreEvidenceRequested", Map.of("value", false, "type", "Boolean"),
        "score", Map.of("value", 9, "type", "Long"),
        "justification", string("Measured, repeatable impact on the whole team.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(businessKey);

    calls.agree("dave", businessKey);
    runJobs(businessKey);

    List<Map<String, Object>> credentials = calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody();
    assertThat(credentials).singleElement().satisfies(credential -> {
      assertThat(credential.get("skillCode")).isEqualTo("iLAN");
      assertThat(credential.get("skillLevel")).isEqualTo(3);
      assertThat(credential.get("score")).isEqualTo(9);
      assertThat(credential.get("source")).isEqualTo("SELF_SUBMISSION");
      assertThat(credential.get("revoked")).isEqualTo(false);
      assertThat(credential.get("validForPromotion")).isEqualTo(true);
      assertThat((String) credential.get("validForPromotionUntil")).startsWith("2028-11-16");
      assertThat(credential.get("id")).isNotNull();
    });
    assertThat(calls.tasksOf("alice", businessKey)).isEmpty();
  }

  @Test
  void aFailedApplicationIsResubmittedAndPasses() {
    String businessKey = (String) start("alice", "iLAN", 3).getBody().get("businessKey");
    calls.claimAndSubmit("erin", calls.singleTask("erin", businessKey, "Task_AssignAssessor"), Map.of("assessorId", string("carol")));
    runJobs(businessKey);
    calls.submit("carol", calls.singleTask("carol", businessKey, "Task_AssessEvidence"), Map.of(
        "score", Map.of("value", 6, "type", "Integer"),
        "justification", string("The results are the team's."),
        "improvementAreas", string("Show your own part; goal: one measured change.")));
    runJobs(businessKey);
    calls.claimAndSubmit("dave", calls.singleTask("dave", businessKey, "Task_PeerReview"), Map.of(
        "reviewAgrees", Map.of("value", true, "type", "Boolean")));
    runJobs(businessKey);

    Map<String, Object> amend = calls.singleTask("alice", businessKey, "Task_AmendApplication");
    assertThat(amend.get("assignee")).isEqualTo("alice");
    assertThat(calls.submit("alice", amend, Map.of(
        "resubmit", Map.of("value", true, "type", "Boolean"),
        "amendments", string("Added my own measured change."),
        "impactProblem", string("Releases were blocked by a 40 minute build."),
        "impactActions", string("I parallelised the suites of my module."),
        "impactResults", string("My module builds in 3 minutes instead of 20.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(businessKey);

    Map<String, Object> reassess = calls.singleTask("carol", businessKey, "Task_ReassessEvidence");
    Map<String, Object> changes = calls.get("carol", "/engine-rest/task/" + reassess.get("id") + "/variables/changesSinceLastAssessment",
        OBJECT).getBody();
    assertThat((String) changes.get("value")).startsWith("Changed: Actions taken, Measurable results.")
        .contains("Added my own measured change.");
    calls.submit("carol", reassess, Map.of("score", Map.of("value", 9, "type", "Integer"), "justification", string("Now measured.")));
    runJobs(businessKey);
    calls.claimAndSubmit("dave", calls.singleTask("dave", businessKey, "Task_PeerReview"), Map.of(
        "reviewAgrees", Map.of("value", true, "type", "Boolean")));
    runJobs(businessKey);

    assertThat(calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody()).singleElement()
        .satisfies(credential -> assertThat(credential.get("score")).isEqualTo(9));
    assertThat(app.applications()).isEqualTo(1);
  }

  @Test
  void refusedStartsAnswer4xxNamingTheRuleAndLeaveNothing() {
    assertThat(start("alice", "iLAN", 3).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(start("alice", "iPERF", 2).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> capped = start("alice", "iOWN", 2);
    assertThat(capped.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) capped.getBody().get("message")).contains("Monthly cap reached");

    ResponseEntity<Map<String, Object>> unknown = start("bob", "iNOPE", 2);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unknown.getBody().get("message")).contains("Unknown skill 'iNOPE'");

    ResponseEntity<Map<String, Object>> offLadder = start("bob", "iLAN", 7);
    assertThat(offLadder.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) offLadder.getBody().get("message")).contains("'skillLevel' must be a whole number from 1 to 6");

    assertThat(rest.postForEntity("/engine-rest/process-definition/key/SelfSubmissionProcess/start",
        RestCalls.selfSubmissionStart("iLAN", 3), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // The two accepted applications run (each with its review round, same business key); nothing else.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SelfSubmissionProcess.KEY).count())
        .isEqualTo(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().list().stream()
        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).distinct().count()).isEqualTo(2);
    assertThat(app.applications()).isEqualTo(2);
  }

  @Test
  void fourEyesRefusalsAnswer4xx() {
    String businessKey = (String) start("alice", "iLAN", 3).getBody().get("businessKey");
    Map<String, Object> assignment = calls.singleTask("erin", businessKey, "Task_AssignAssessor");

    ResponseEntity<Map<String, Object>> claim = calls.post("carol", "/engine-rest/task/" + assignment.get("id") + "/claim",
        Map.of("userId", "carol"));
    // Camunda's authorizations answer first: carol is not in the task's candidate group.
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) claim.getBody().get("message")).contains("'carol' does not have", "TASK_WORK");

    calls.claimAndSubmit("erin", assignment, Map.of("assessorId", string("carol")));
    runJobs(businessKey);
    Map<String, Object> assessment = calls.singleTask("carol", businessKey, "Task_AssessEvidence");
    ResponseEntity<Map<String, Object>> byOther = calls.submit("dave", assessment, Map.of(
        "score", Map.of("value", 9, "type", "Integer"), "justification", string("j")));
    assertThat(byOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) byOther.getBody().get("message")).contains("'dave' does not have", "TASK_WORK");
    // An administrator passes the authorizations; the rule refuses them.
    ResponseEntity<Map<String, Object>> byAdministrator = calls.submit("demo", assessment, Map.of(
        "score", Map.of("value", 9, "type", "Integer"), "justification", string("j")));
    assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) byAdministrator.getBody().get("message")).contains("claimed by carol");

    ResponseEntity<Map<String, Object>> outOfRange = calls.submit("carol", assessment, Map.of(
        "score", Map.of("value", 11, "type", "Integer"), "justification", string("j")));
    assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) outOfRange.getBody().get("message")).contains("from 0 to 10");
    assertThat(calls.singleTask("carol", businessKey, "Task_AssessEvidence").get("id")).isEqualTo(assessment.get("id"));
  }

  @Test
  void theApiNeedsAuthenticationAndAnswersProblemDetails() {
    assertThat(rest.getForEntity("/api/skills", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    Map<String, Object> framework = calls.get("henry", "/api/skills", OBJECT).getBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> skills = (List<Map<String, Object>>) framework.get("skills");
    assertThat(skills).hasSizeGreaterThanOrEqualTo(10);
    assertThat(skills).extracting(skill -> skill.get("code")).contains("iLAN", "iPERF", "iOWN");
    assertThat(skills).allSatisfy(skill -> assertThat((List<?>) skill.get("levels")).hasSize(6));

    ResponseEntity<String> unknown = rest.withBasicAuth("henry", "henry")
        .getForEntity("/api/engineers/nobody/credentials", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(unknown.getBody()).contains("not an engineer of the organisation");

    ResponseEntity<String> notAdmin = rest.withBasicAuth("henry", "henry")
        .postForEntity("/api/skills/iLAN/retire", null, String.class);
    assertThat(notAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notAdmin.getBody()).contains("Only an administrator may retire a skill");
  }

  // --- the calls Tasklist and REST clients make

  private ResponseEntity<Map<String, Object>> start(String user, String skillCode, int level) {
    return calls.post(user, "/engine-rest/process-definition/key/SelfSubmissionProcess/start", RestCalls.selfSubmissionStart(skillCode, level));
  }









  /** The job executor is off in tests: run the instance's jobs as it would. */
  private void runJobs(String businessKey) {
    app.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .rootProcessInstances().singleResult());
  }
}
