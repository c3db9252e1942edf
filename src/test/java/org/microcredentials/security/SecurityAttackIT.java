package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RawHttp;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probes of an earlier outside attack (docs/security.md), each as an ordinary account would send them, raw (no client-side
 * normalisation of the URL): every one is refused, and nothing changed afterwards (no instance,
 * credential, variable, retry or batch). The application runs the real beans with authorizations on.
 */
@ApplicationTest
class SecurityAttackIT {

  static final List<String> NON_ADMINISTRATORS = List.of("henry", "alice", "bob", "carol", "dave", "erin", "frank",
      "ivan", "grace");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  RawHttp http;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    app = new SelfSubmissions(engine, jdbc);
    http = new RawHttp(port);
    app.clear();
  }

  // ---- 1. Self-issued credentials --------------------------------------------------------------

  @Test
  void noOneStartsPastTheStartEventOverRest() throws Exception {
    ProcessInstance victim = app.submit("bob", "iLAN", 3);
    long instances = instances();
    // Past the self-submission's review round to its end, or straight into the round's issuing step.
    for (Map.Entry<String, String> target : Map.of(SelfSubmissionProcess.KEY, "Gateway_Passed",
        ReviewRoundProcess.KEY, ReviewRoundProcess.Elements.ISSUE_CREDENTIAL).entrySet()) {
    String key = target.getKey();
    for (Map<String, Object> options : List.of(
        Map.<String, Object>of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", target.getValue())), "skipCustomListeners", true,
            "skipIoMappings", true),
        Map.<String, Object>of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", target.getValue()))),
        Map.<String, Object>of("skipCustomListeners", true),
        Map.<String, Object>of("skipIoMappings", true))) {
      Map<String, Object> body = new java.util.HashMap<>(options);
      body.put("businessKey", victim.getBusinessKey());
      body.put("variables", Map.of("finalScore", Map.of("value", 10, "type", "Integer"),
          "skillCode", Map.of("value", "iLAN", "type", "String"), "skillLevel", Map.of("value", 3, "type", "Integer")));
      for (String spelling : List.of("/engine-rest/process-definition/key/" + key + "/start",
          "/engine-rest/process-definition/key/" + key + ";x=1/start",
          "/engine-rest/engine/default/process-definition/key/" + key + "/start")) {
        HttpResponse<String> answer = http.send("alice", "POST", spelling, body);
        if (spelling.contains(";")) {
          // Matrix parameters never reach the engine: the web layer's firewall refuses the URL (400).
          assertThat(answer.statusCode()).as("%s %s: %s", spelling, options.keySet(), answer.body()).isEqualTo(400);
          assertThat(answer.body()).contains("well-formed-url");
          continue;
        }
        assertThat(answer.statusCode()).as("%s %s: %s", spelling, options.keySet(), answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("start-at-start-event");
      }
    }
    TasklistSession tasklist = TasklistSession.login(rest, "alice");
    ResponseEntity<String> inTasklist = tasklist.post("/process-definition/key/" + key + "/start",
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", target.getValue())), "skipCustomListeners", true));
    assertThat(inTasklist.getStatusCode().value()).as("%s", inTasklist.getBody()).isEqualTo(403);
    }
    // Nor does an engineer start a review round at its start event: only the application's process calls it.
    assertThat(http.send("alice", "POST", "/engine-rest/process-definition/key/ReviewRoundProcess/start",
        Map.of("businessKey", victim.getBusinessKey())).statusCode()).isEqualTo(403);

    assertThat(instances()).isEqualTo(instances);
    assertThat(app.credentials()).isZero();
  }

  @Test
  void theEngineItselfRefusesAStartPastTheStartEventWhateverThePath() {
    long instances = instances();
    assertThatThrownBy(() -> app.as("alice", () -> engine.getRuntimeService()
        .createProcessInstanceByKey(SelfSubmissionProcess.KEY)
        .setVariables(SelfSubmissions.evidence("iLAN", 3))
        .startBeforeActivity("Gateway_Passed")
        .execute(true, true)))
        .hasMessageContaining("starts at its start event");
    // Even someone granted every Camunda right on every process does not start the round at its issuing step.
    assertThatThrownBy(() -> app.grantingEverything().as("alice", () -> engine.getRuntimeService()
        .createProcessInstanceByKey(ReviewRoundProcess.KEY)
        .setVariables(SelfSubmissions.evidence("iLAN", 3))
        .startBeforeActivity(ReviewRoundProcess.Elements.ISSUE_CREDENTIAL)
        .execute(true, true)))
        .hasMessageContaining("starts at its start event");
    assertThat(instances()).isEqualTo(instances);
    assertThat(app.applications()).isZero();
  }

  @Test
  void issuingTrustsTheRecordNotTheVariablesEvenForAnAdministrator() {
    // An administrator may start part-way, but the issuing step decides on the recorded round:
    // bob's application is not assessed, so no credential, whatever finalScore says.
    ProcessInstance victim = app.submit("bob", "iLAN", 3);
    ProcessInstance forged = app.as("demo", () -> engine.getRuntimeService()
        .createProcessInstanceByKey(ReviewRoundProcess.KEY)
        .businessKey(victim.getBusinessKey())
        .setVariables(Map.of("finalScore", 10, "passed", true, "reviewerCount", 0))
        .startBeforeActivity(ReviewRoundProcess.Elements.ISSUE_CREDENTIAL)
        .execute(true, true));
    Job issue = engine.getManagementService().createJobQuery().processInstanceId(forged.getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      String jobId = issue.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasMessageContaining("no settled review round");
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(forged.getId()).count()).isEqualTo(1);
    assertThat(app.credentials()).isZero();
    assertThat(jdbc.sql("select status from application where business_key = ?").param(victim.getBusinessKey())
        .query(String.class).single()).isEqualTo("OPEN");
  }

  // ---- 2. The task-inputs rule on every spelling -----------------------------------------------

  @Test
  void noSpellingOfATaskVariableCallGetsPastTheTaskInputsRule() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 4);
    app.assignAssessor(instance, "erin", "carol");
    String assessment = app.task(instance, ASSESS_EVIDENCE).getId();
    List<String> spellings = spellings("/task/" + assessment, "reviewerCount");
    List<String> accepted = new ArrayList<>();
    for (String path : spellings) {
      HttpResponse<String> answer = http.send("carol", "PUT", path, Map.of("value", 0, "type", "Integer"));
      if (answer.statusCode() < 400) {
        accepted.add(path + " -> " + answer.statusCode());
      }
    }
    for (String path : spellings("/task/" + assessment, "").stream().map(p -> p.replaceAll("/variables(;y=2)?/$", "/variables$1"))
        .filter(p -> p.endsWith("/variables") || p.endsWith("/localVariables") || p.endsWith(";y=2")).toList()) {
      HttpResponse<String> answer = http.send("carol", "POST", path, Map.of("modifications",
          Map.of("reviewerCount", Map.of("value", 0, "type", "Integer"))));
      if (answer.statusCode() < 400) {
        accepted.add("POST " + path + " -> " + answer.statusCode());
      }
    }
    assertThat(accepted).as("calls that set reviewerCount").isEmpty();
    assertThat(app.variable(instance, "reviewerCount")).as("no call created it").isNull();
    assertThat(engine.getTaskService().getVariablesLocal(assessment)).doesNotContainKey("reviewerCount");

    // The same through Tasklist's engine API, with a session and its CSRF token.
    TasklistSession tasklist = TasklistSession.login(rest, "carol");
    HttpResponse<String> inTasklist = http.sendWithSession(tasklist, "PUT",
        TasklistSession.ENGINE_API + "/task/" + assessment + "/variables/reviewerCount",
        Map.of("value", 0, "type", "Integer"));
    // Setting a task's variables outside its completion is not on the allow list at all.
    assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(403);
    assertThat(inTasklist.body()).contains("engine-allow-list");
    // Its matrix spelling is refused before Tasklist's API: by the web layer's firewall.
    HttpResponse<String> matrixInTasklist = http.sendWithSession(tasklist, "PUT",
        TasklistSession.ENGINE_API + "/task/" + assessment + "/variables;x=1/reviewerCount",
        Map.of("value", 0, "type", "Integer"));
    assertThat(matrixInTasklist.statusCode()).as(matrixInTasklist.body()).isEqualTo(400);
    assertThat(matrixInTasklist.body()).contains("well-formed-url");

    // And the round still needs its two reviewers: the credential names both.
    app.score(instance, "carol", 9);
    assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(2);
    app.agree(instance, "dave");
    app.agree(instance, "frank");
    app.runJobs(instance);
    assertThat(jdbc.sql("select reviewer_ids from credential where source_key = ?").param(instance.getBusinessKey())
        .query(String.class).single()).contains("dave").contains("frank");
  }

  @Test
  void aReviewerCannotRewriteTheEvidenceTheCredentialCarries() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    Task review = app.task(instance, PEER_REVIEW);
    app.claim("dave", review);
    String rewritten = "Rewritten by the reviewer";
    for (String path : spellings("/task/" + review.getId(), "impactProblem")) {
      http.send("dave", "PUT", path, Map.of("value", rewritten, "type", "String"));
    }
    HttpResponse<String> completion = http.send("dave", "POST", "/engine-rest/task/" + review.getId() + ";x=1/complete",
        Map.of("variables", Map.of("reviewAgrees", Map.of("value", true), "impactProblem", Map.of("value", rewritten))));
    assertThat(completion.statusCode()).as(completion.body()).isEqualTo(400);
    // Execution and process-instance variables need rights on the instance no reviewer has.
    String execution = review.getExecutionId();
    assertThat(http.send("dave", "PUT", "/engine-rest/execution/" + execution + "/localVariables/impactProblem",
        Map.of("value", rewritten)).statusCode()).isEqualTo(403);
    for (String id : List.of(instance.getId(), app.current(instance))) {
      assertThat(http.send("dave", "POST", "/engine-rest/process-instance/" + id + "/variables",
          Map.of("modifications", Map.of("impactProblem", Map.of("value", rewritten)))).statusCode()).isEqualTo(403);
      assertThat(http.send("dave", "POST", "/engine-rest/process-instance/variables-async",
          Map.of("processInstanceIds", List.of(id), "variables", Map.of("impactProblem", Map.of("value", rewritten))))
          .statusCode()).isEqualTo(403);
    }

    assertThat(app.variable(instance, "impactProblem")).isNotEqualTo(rewritten);
    app.agree(instance, "dave");
    app.runJobs(instance);
    assertThat(jdbc.sql("select evidence_summary from credential where source_key = ?").param(instance.getBusinessKey())
        .query(String.class).single()).doesNotContain(rewritten);
  }

  /** The same call, spelt every way a URL allows, on /engine-rest and the engine/{name} prefix. */
  static List<String> spellings(String task, String variable) {
    String id = task.substring("/task/".length());
    List<String> paths = new ArrayList<>();
    for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default", "/engine-rest/engine/default;x=1")) {
      for (String collection : List.of("variables", "localVariables")) {
        paths.add(prefix + "/task/" + id + "/" + collection + "/" + variable);
        paths.add(prefix + "/task/" + id + "/" + collection + ";x=1/" + variable);
        paths.add(prefix + "/task/" + id + ";x=1/" + collection + "/" + variable);
        paths.add(prefix + "/task;x=1/" + id + "/" + collection + "/" + variable);
        paths.add(prefix + "/task/" + id + "/" + collection + "/" + variable + ";x=1");
        paths.add(prefix + "/task/" + id + "/" + collection + ";y=2/" + variable);
        paths.add(prefix + "/task/" + id + "/./" + collection + "/" + variable);
        paths.add(prefix + "//task/" + id + "/" + collection + "/" + variable);
        paths.add(prefix + "/task/" + id + "//" + collection + "/" + variable);
        paths.add(prefix + "/task/" + id + "/" + collection + "/" + variable + "/");
        paths.add(prefix + "/%74ask/" + id + "/%76ariables/" + percentEncoded(variable));
        paths.add(prefix + "/TASK/" + id + "/" + collection + "/" + variable);
      }
    }
    return paths;
  }

  static String percentEncoded(String text) {
    return text.isEmpty() ? text : "%" + Integer.toHexString(text.charAt(0)) + text.substring(1);
  }

  // ---- 3. Jobs ---------------------------------------------------------------------------------

  @Test
  void aRefusedJobCallChangesNothingAboutTheJob() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    Job overdue = app.timer(instance, "BoundaryEvent_AssessmentReassignmentDue");
    List<Job> jobs = new ArrayList<>(List.of(overdue));
    jobs.addAll(engine.getHistoryService().findHistoryCleanupJobs());
    for (Job job : jobs) {
      for (String user : List.of("carol", "alice", "erin")) {
        for (int attempt = 0; attempt < 4; attempt++) {
          HttpResponse<String> answer = http.send(user, "POST", "/engine-rest/job/" + job.getId() + "/execute", Map.of());
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
          assertThat(answer.body()).contains("engine-allow-list");
        }
        assertThat(http.send(user, "PUT", "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 0)).statusCode()).isEqualTo(403);
        assertThat(http.send(user, "PUT", "/engine-rest/job/" + job.getId() + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000")).statusCode()).isEqualTo(403);
        assertThat(http.send(user, "PUT", "/engine-rest/job/" + job.getId() + "/suspended", Map.of("suspended", true)).statusCode()).isEqualTo(403);
        // The matrix spelling is refused before anything reads it: by the web layer's firewall (400).
        assertThat(http.send(user, "PUT", "/engine-rest/job/" + job.getId() + ";x=1/suspended", Map.of("suspended", true)).statusCode()).isEqualTo(400);
        assertThat(http.send(user, "PUT", "/engine-rest/job/" + job.getId() + "/priority", Map.of("priority", 0)).statusCode()).isEqualTo(403);
        assertThat(http.send(user, "DELETE", "/engine-rest/job/" + job.getId(), null).statusCode()).isEqualTo(403);
        assertThat(http.send(user, "POST", "/engine-rest/job/" + job.getId() + "/duedate/recalculate", Map.of()).statusCode()).isEqualTo(403);
      }
      Job after = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
      assertThat(after).as("job %s still there", job.getId()).isNotNull();
      assertThat(after.getRetries()).isEqualTo(job.getRetries());
      assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
      assertThat(after.isSuspended()).isFalse();
      assertThat(after.getExceptionMessage()).isNull();
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(http.send("alice", "POST", "/engine-rest/history/cleanup", Map.of()).statusCode()).isEqualTo(403);
  }

  // ---- Every option that changes where or how a process runs, by every role but the administrator

  @Test
  void noOneButAnAdministratorChangesWhereOrHowAProcessRuns() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    long instancesBefore = instances();
    // The probes aim at the application's review round, where its work and issuing step are.
    ProcessInstance round = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(app.current(instance))
        .singleResult();
    String definition = round.getProcessDefinitionId();
    String execution = app.task(instance, ASSESS_EVIDENCE).getExecutionId();
    Map<String, Object> startIssuing = Map.of("type", "startBeforeActivity",
        "activityId", ReviewRoundProcess.Elements.ISSUE_CREDENTIAL);
    List<Object[]> probes = List.of(
        new Object[] {"POST", "/process-instance/" + round.getId() + "/modification", Map.of("instructions", List.of(startIssuing))},
        new Object[] {"POST", "/process-instance/" + round.getId() + "/modification-async", Map.of("instructions", List.of(startIssuing))},
        new Object[] {"POST", "/modification/execute", Map.of("processDefinitionId", definition,
            "instructions", List.of(startIssuing), "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/modification/executeAsync", Map.of("processDefinitionId", definition,
            "instructions", List.of(startIssuing), "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/process-definition/" + definition + "/restart", Map.of("instructions", List.of(startIssuing),
            "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/process-definition/" + definition + "/restart-async", Map.of("instructions", List.of(startIssuing),
            "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/migration/execute", Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", definition,
            "targetProcessDefinitionId", definition, "instructions", List.of()), "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/migration/executeAsync", Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", definition,
            "targetProcessDefinitionId", definition, "instructions", List.of()), "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/signal", Map.of("name", "anything")},
        new Object[] {"POST", "/message", Map.of("messageName", "anything", "all", true)},
        new Object[] {"POST", "/condition", Map.of("variables", Map.of("x", Map.of("value", 1)))},
        new Object[] {"POST", "/execution/" + execution + "/signal", Map.of()},
        new Object[] {"POST", "/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "t", "lockDuration", 1000)))},
        new Object[] {"PUT", "/external-task/retries", Map.of("retries", 0, "externalTaskIds", List.of("x"))},
        new Object[] {"POST", "/job/retries", Map.of("retries", 0, "processInstanceId", round.getId())},
        new Object[] {"PUT", "/job/suspended", Map.of("processInstanceId", round.getId(), "suspended", true)},
        new Object[] {"PUT", "/job-definition/suspended", Map.of("processDefinitionId", definition, "suspended", true)},
        new Object[] {"POST", "/process-instance/job-retries", Map.of("retries", 0, "processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(round.getId()))},
        new Object[] {"POST", "/process-instance/suspended-async", Map.of("processInstanceIds", List.of(round.getId()), "suspended", true)},
        new Object[] {"POST", "/process-instance/message-async", Map.of("messageName", "x", "processInstanceIds", List.of(round.getId()))},
        new Object[] {"PUT", "/batch/anything/suspended", Map.of("suspended", true)},
        new Object[] {"DELETE", "/batch/anything", null});
    List<String> accepted = new ArrayList<>();
    for (String user : NON_ADMINISTRATORS) {
      for (Object[] probe : probes) {
        HttpResponse<String> answer = http.send(user, (String) probe[0], "/engine-rest" + probe[1], probe[2]);
        if (answer.statusCode() != 403) {
          accepted.add(user + " " + probe[0] + " " + probe[1] + " -> " + answer.statusCode() + " " + answer.body());
        }
      }
    }
    assertThat(accepted).as("probes not refused with 403").isEmpty();
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
        .isSuspended()).isFalse();
    assertThat(engine.getRuntimeService().getActiveActivityIds(round.getId())).containsExactly(ASSESS_EVIDENCE);
    assertThat(instances()).isEqualTo(instancesBefore);
    assertThat(app.credentials()).isZero();
    engine.getManagementService().createJobQuery().processInstanceId(round.getId()).list()
        .forEach(job -> assertThat(job.getRetries()).isEqualTo(3));

    // The administrator is not refused by the guard (the engine then answers as it does).
    assertThat(http.send("demo", "POST", "/engine-rest/signal", Map.of("name", "anything")).statusCode()).isEqualTo(204);
  }

  // ---- 6. Headers and limits -------------------------------------------------------------------

  @Test
  void ourAnswersCarryBrowserProtectionsAndBodiesAreBounded() throws Exception {
    for (String path : List.of("/api/skills", "/engine-rest/task", "/api/engineers/alice/portfolio")) {
      HttpResponse<String> answer = http.send("alice", "GET", path, null);
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
          .contains("frame-ancestors 'none'").contains("default-src 'self'");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).isPresent();
    }
    byte[] huge = ("{\"credential\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared = http.send(HttpRequest.newBuilder(http.uri("/api/credentials/verify"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("max-request-size");
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(http.uri("/api/credentials/verify"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build());
    assertThat(chunked.statusCode()).isEqualTo(413);
    // A body within the limit still reaches the verifier.
    assertThat(http.send(null, "POST", "/api/credentials/verify", Map.of("credential", "not a credential")).statusCode())
        .isBetween(200, 499).isNotEqualTo(413);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  long instances() {
    return engine.getRuntimeService().createProcessInstanceQuery().count();
  }



}
