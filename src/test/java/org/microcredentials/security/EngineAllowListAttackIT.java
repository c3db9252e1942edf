package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.ASSESS_EVIDENCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RawHttp;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The findings of the last attack from outside that the allow list closes, each sent as the attacker
 * sent it (raw HTTP, Basic or Tasklist's session) and refused with nothing changed: a task holder
 * ending a flow with {@code bpmnError}; query filters as an oracle on hidden variables; an assessor
 * moving her own due date; people editing their Camunda profile; {@code Object} variables from an
 * ordinary account; calls about another person; the same oracle through Cockpit's plugin API; the SEM team
 * deleting a task by making it a subtask.
 */
@ApplicationTest
class EngineAllowListAttackIT {

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

  @Test
  void aTaskHolderCannotEndTheFlowWithABpmnErrorOrEscalation() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    Task assessment = app.task(instance, ASSESS_EVIDENCE);
    app.claim("carol", assessment);

    for (String path : List.of("/task/" + assessment.getId() + "/bpmnError", "/engine/default/task/" + assessment.getId()
        + "/bpmnError", "/task/" + assessment.getId() + ";x=1/bpmnError", "/task//" + assessment.getId() + "/bpmnError/")) {
      HttpResponse<String> answer = http.send("carol", "POST", "/engine-rest" + path, Map.of("errorCode", "anything"));
      // Refused by the list, or no such operation at all (Jersey matches no resource to the spelling).
      assertThat(answer.statusCode()).as(path + " " + answer.body()).isIn(400, 403, 404);
    }
    HttpResponse<String> escalation = http.send("carol", "POST", "/engine-rest/task/" + assessment.getId() + "/bpmnEscalation",
        Map.of("escalationCode", "anything"));
    assertThat(escalation.statusCode()).isEqualTo(403);
    assertThat(escalation.body()).contains("engine-allow-list");

    TasklistSession tasklist = TasklistSession.login(rest, "carol");
    HttpResponse<String> inTasklist = http.sendWithSession(tasklist, "POST",
        TasklistSession.ENGINE_API + "/task/" + assessment.getId() + "/bpmnError", Map.of("errorCode", "anything"));
    assertThat(inTasklist.statusCode()).isEqualTo(403);
    assertThat(inTasklist.body()).contains("engine-allow-list");

    assertThat(app.task(instance, ASSESS_EVIDENCE).getId()).as("the assessment still waits").isEqualTo(assessment.getId());
    app.score(instance, "carol", 9);
    assertThat(app.tasks(instance, ReviewRoundProcess.Tasks.PEER_REVIEW)).as("peer review follows").isNotEmpty();
  }

  @Test
  void aCandidateCannotQueryHerOwnApplicationByItsHiddenVariables() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    String key = instance.getBusinessKey();

    // She may follow her application: the same queries without variable filters answer.
    assertThat(http.send("alice", "POST", "/engine-rest/process-instance?firstResult=0&maxResults=10",
        Map.of("businessKey", key)).statusCode()).isEqualTo(200);
    // The application and its review round, which shares its business key.
    assertThat(count(http.send("alice", "GET", "/engine-rest/process-instance/count?businessKey=" + key, null)))
        .isEqualTo(2);

    List<HttpResponse<String>> oracles = List.of(
        http.send("alice", "POST", "/engine-rest/process-instance", Map.of("businessKey", key,
            "variables", List.of(Map.of("name", "score", "operator", "eq", "value", 9)))),
        http.send("alice", "POST", "/engine-rest/process-instance/count", Map.of("businessKey", key,
            "variables", List.of(Map.of("name", "justification", "operator", "like", "value", "C%")))),
        http.send("alice", "GET", "/engine-rest/process-instance?businessKey=" + key + "&variables="
            + URLEncoder.encode("score_eq_9", StandardCharsets.UTF_8), null),
        http.send("alice", "GET", "/engine-rest/process-instance?businessKey=" + key + "&VARIABLES=score_eq_9", null),
        http.send("alice", "POST", "/engine-rest/history/process-instance", Map.of("processInstanceBusinessKey", key,
            "variables", List.of(Map.of("name", "score", "operator", "gt", "value", 7)))),
        http.send("alice", "POST", "/engine-rest/task", Map.of("processInstanceBusinessKey", key,
            "processVariables", List.of(Map.of("name", "score", "operator", "eq", "value", 9)))),
        http.send("alice", "POST", "/engine-rest/task", Map.of("orQueries", List.of(Map.of(
            "processVariables", List.of(Map.of("name", "score", "operator", "eq", "value", 9)))))),
        http.send("alice", "POST", "/engine-rest/task", Map.of("sorting", List.of(Map.of("sortBy", "processVariable",
            "sortOrder", "asc", "parameters", Map.of("variable", "score", "type", "Integer"))))),
        http.send("alice", "GET", "/engine-rest/task?processVariables=score_eq_9", null));
    for (HttpResponse<String> oracle : oracles) {
      assertThat(oracle.statusCode()).as(oracle.request().uri() + " " + oracle.body()).isEqualTo(403);
      assertThat(oracle.body()).contains("no-variable-filters");
    }

    // The same through Tasklist's engine API and its filter.
    TasklistSession tasklist = TasklistSession.login(rest, "alice");
    HttpResponse<String> inTasklist = http.sendWithSession(tasklist, "POST", TasklistSession.ENGINE_API + "/process-instance",
        Map.of("businessKey", key, "variables", List.of(Map.of("name", "score", "operator", "eq", "value", 9))));
    assertThat(inTasklist.statusCode()).isEqualTo(403);
    String filterId = engine.getFilterService().createFilterQuery().singleResult().getId();
    HttpResponse<String> throughFilter = http.sendWithSession(tasklist, "POST", TasklistSession.ENGINE_API + "/filter/"
        + filterId + "/count", Map.of("processVariables", List.of(Map.of("name", "score", "operator", "eq", "value", 9))));
    assertThat(throughFilter.statusCode()).isEqualTo(403);
    assertThat(throughFilter.body()).contains("no-variable-filters");
    HttpResponse<String> plainFilter = http.sendWithSession(tasklist, "POST", TasklistSession.ENGINE_API + "/filter/"
        + filterId + "/count", Map.of("processVariables", List.of(), "taskVariables", List.of()));
    assertThat(plainFilter.statusCode()).as("Tasklist's own filter call").isEqualTo(200);
  }

  /**
   * Cockpit's plugin API has its own instance query, with variable filters that Camunda checks only against READ on
   * the instance, and any person logged in to Tasklist may call it: alice, who may follow her application, read the
   * assessor's hidden justification a letter at a time ({@code like 'C%'}: 1, {@code like 'X%'}: 0).
   */
  @Test
  void aCandidateCannotQueryHerOwnApplicationThroughCockpitsPluginApi() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    String key = instance.getBusinessKey();
    String cockpitQuery = "/camunda/api/cockpit/plugin/base/default/process-instance";

    TasklistSession alice = TasklistSession.login(rest, "alice");
    for (String path : List.of(cockpitQuery + "/count", cockpitQuery + "?firstResult=0&maxResults=10")) {
      for (Object body : List.of(
          Map.of("businessKey", key, "variables", List.of(Map.of("name", "justification", "operator", "like", "value", "C%"))),
          Map.of("businessKey", key, "variables", List.of(Map.of("name", "score", "operator", "eq", "value", 9))),
          Map.of("businessKey", key))) {
        HttpResponse<String> answer = http.sendWithSession(alice, "POST", path, body);
        assertThat(answer.statusCode()).as(path + " " + body + " " + answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("engine-allow-list").doesNotContain("\"count\"");
      }
    }
    HttpResponse<String> incidents = http.sendWithSession(alice, "POST", "/camunda/api/cockpit/plugin/base/default/incident/count",
        Map.of("processInstanceIdIn", List.of(instance.getId())));
    assertThat(incidents.statusCode()).isEqualTo(403);

    // Cockpit is the SEM team's: their views answer, and its scripts load before anyone logs in.
    HttpResponse<String> sem = http.sendWithSession(TasklistSession.login(rest, "erin"), "POST", cockpitQuery + "/count",
        Map.of("businessKey", key, "variables", List.of(Map.of("name", "score", "operator", "eq", "value", 9))));
    assertThat(sem.statusCode()).as(sem.body()).isEqualTo(200);
    assertThat(count(sem)).isEqualTo(1);
    assertThat(http.send(null, "GET", "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void onlyTheSemTeamMovesADueDate() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    Task assessment = app.task(instance, ASSESS_EVIDENCE);
    app.claim("carol", assessment);
    Date due = assessment.getDueDate();

    HttpResponse<String> erased = http.send("carol", "PUT", "/engine-rest/task/" + assessment.getId(),
        Map.of("name", assessment.getName(), "assignee", "carol", "due", "2099-01-01T00:00:00.000+0000"));
    assertThat(erased.statusCode()).isEqualTo(403);
    assertThat(erased.body()).contains("engine-allow-list");
    assertThat(app.task(instance, ASSESS_EVIDENCE).getDueDate()).isEqualTo(due);

    HttpResponse<String> bySem = http.send("erin", "PUT", "/engine-rest/task/" + assessment.getId(),
        Map.of("name", assessment.getName(), "assignee", "carol", "due", "2099-01-01T00:00:00.000+0000"));
    // The list lets the SEM team through; Camunda's authorizations then decide which tasks they may update.
    assertThat(bySem.body() == null ? "" : bySem.body()).as("the SEM team may set a task's fields")
        .doesNotContain("engine-allow-list");
  }

  /**
   * The SEM team may set a task's fields, and the engine deletes a subtask with its parent: erin made alice's peer
   * review the subtask of bob's assessor assignment, completed that, and the peer review was gone, alice's
   * application waiting for good for a task no one could see or complete.
   */
  @Test
  void theSemTeamCannotMakeATaskASubtaskAndSoDeleteIt() throws Exception {
    ProcessInstance alices = app.submit("alice", "iLAN", 3);
    app.assignAssessor(alices, "erin", "carol");
    app.score(alices, "carol", 9);
    Task peerReview = app.tasks(alices, ReviewRoundProcess.Tasks.PEER_REVIEW).get(0);
    ProcessInstance bobs = app.submit("bob", "iLAN", 4);
    Task assignment = app.task(bobs, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);

    HttpResponse<String> adopted = http.send("erin", "PUT", "/engine-rest/task/" + peerReview.getId(), Map.of(
        "name", peerReview.getName(), "due", "2099-01-01T00:00:00.000+0000", "parentTaskId", assignment.getId()));
    assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(403);
    assertThat(adopted.body()).contains("no-parent-task");
    assertThat(engine.getTaskService().createTaskQuery().taskId(peerReview.getId()).singleResult().getParentTaskId())
        .isNull();

    app.assignAssessor(bobs, "erin", "dave");
    assertThat(app.tasks(alices, ReviewRoundProcess.Tasks.PEER_REVIEW)).as("the peer review still waits")
        .extracting(Task::getId).contains(peerReview.getId());
  }

  @Test
  void peopleDoNotEditTheirProfileNorActForSomeoneElse() throws Exception {
    HttpResponse<String> profile = http.send("alice", "PUT", "/engine-rest/user/alice/profile",
        Map.of("id", "alice", "firstName", "Alice", "lastName", "Example", "email", "attacker@evil.example"));
    assertThat(profile.statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("alice").singleResult().getEmail())
        .isNotEqualTo("attacker@evil.example");

    HttpResponse<String> password = http.send("alice", "PUT", "/engine-rest/user/bob/credentials",
        Map.of("password", "alice-owns-bob", "authenticatedUserPassword", "alice"));
    assertThat(password.statusCode()).isEqualTo(403);
    assertThat(password.body()).contains("self-only");
    assertThat(engine.getIdentityService().checkPassword("bob", "bob")).isTrue();

    assertThat(http.send("alice", "GET", "/engine-rest/authorization/check?permissionName=READ&resourceName=task"
        + "&resourceType=7&userId=bob", null).statusCode()).isEqualTo(403);
    assertThat(http.send("alice", "GET", "/engine-rest/authorization/check?permissionName=READ&resourceName=task"
        + "&resourceType=7", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anOrdinaryAccountSendsNoObjectVariables() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    for (String type : List.of("java.io.File", "java.net.URL")) {
      for (String spelling : List.of("Object", "object", "OBJECT")) {
        Map<String, Object> variables = new HashMap<>(RestCalls.variables(SelfSubmissions.evidence("iLAN", 3)));
        variables.put("payload", Map.of("type", spelling, "value", "\"/etc/passwd\"",
            "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", "application/json")));
        HttpResponse<String> answer = http.send("alice", "POST",
            "/engine-rest/process-definition/key/SelfSubmissionProcess/start", Map.of("variables", variables));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("no-object-variables");
      }
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aBodyTooDeepToCheckNeverReachesTheEngine() throws Exception {
    String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
    String body = "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"ServiceTask_IssueCredential\"}],"
        + "\"padding\":" + deep + "}";
    HttpRequest request = HttpRequest.newBuilder(http.uri("/engine-rest/process-definition/key/SelfSubmissionProcess/start"))
        .header("Content-Type", "application/json").header("Authorization", RawHttp.basic("alice"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> answer = http.send(request);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("json-body");
  }

  private static int count(HttpResponse<String> answer) throws IOException {
    JsonNode body = JSON.readTree(answer.body());
    return body.path("count").asInt(-1);
  }




}
