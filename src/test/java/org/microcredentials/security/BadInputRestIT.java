package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.process.VariableReader;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generated bad-input suite: every field of every start and task completion, through
 * {@code /engine-rest} as the person entitled to make the request, sent missing, of the wrong
 * type, too long, out of range, unknown, as a Java-serialized object, or (in codes and ids)
 * as HTML. Each must be refused with 4xx naming the field, and leave the database as it was:
 * our tables and Camunda's runtime tables row for row, the task still there with the same
 * assignee and revision.
 *
 * <p>HTML and script in free text is accepted and kept as text: the last test proves it is stored
 * verbatim as a String; {@code CredentialsRestIT} (portfolio) and {@code TasklistBrowserIT} prove
 * it is shown escaped and never runs.
 *
 * <p>One Spring context and one set of waiting tasks serve all requests. Runs on H2;
 * {@link BadInputRestPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
class BadInputRestIT {

  private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  RestCalls calls;
  SelfSubmissions people;

  enum Kind {
    TEXT, OPTIONAL_TEXT, CODE, BOOLEAN, OPTIONAL_BOOLEAN,
    /** A field a task may update: left out, the earlier value stays (so "missing" is no bad input). */
    UPDATED_TEXT
  }

  /** One field of a request, with what it accepts. */
  record Field(String name, Kind kind, int min, int max) {
    static Field text(String name) {
      return new Field(name, Kind.TEXT, 0, 0);
    }

    static Field updatedText(String name) {
      return new Field(name, Kind.UPDATED_TEXT, 0, 0);
    }

    static Field optionalText(String name) {
      return new Field(name, Kind.OPTIONAL_TEXT, 0, 0);
    }

    static Field code(String name) {
      return new Field(name, Kind.CODE, 0, 0);
    }

    static Field flag(String name) {
      return new Field(name, Kind.BOOLEAN, 0, 0);
    }

    static Field optionalFlag(String name) {
      return new Field(name, Kind.OPTIONAL_BOOLEAN, 0, 0);
    }

    static Field number(String name, int min, int max) {
      return new Field(name, null, min, max);
    }
  }

  /** A start or completion that would be accepted as it is, and the fields to spoil one at a time. */
  record Request(String title, String user, String path, Map<String, Object> valid, List<Field> fields) {
  }

  record BadValue(String what, Object value) {
  }

  @TestFactory
  Stream<DynamicNode> everyFieldOfEveryFlowRefusesBadInputAndChangesNothing() {
    calls = new RestCalls(rest);
    people = new SelfSubmissions(engine, jdbc);
    people.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);

    List<Request> requests = requests();
    List<DynamicNode> nodes = new ArrayList<>();
    int generated = 0;
    for (Request request : requests) {
      List<DynamicTest> cases = new ArrayList<>();
      for (Field field : request.fields()) {
        for (BadValue bad : badValues(field)) {
          Map<String, Object> variables = new LinkedHashMap<>(request.valid());
          if (bad.value() == null) {
            variables.remove(field.name());
          } else {
            variables.put(field.name(), bad.value());
          }
          cases.add(DynamicTest.dynamicTest(field.name() + " " + bad.what(),
              () -> refusedAndNothingChanged(request, field, variables)));
        }
      }
      generated += cases.size();
      nodes.add(DynamicContainer.dynamicContainer(request.title(), cases));
    }
    nodes.add(DynamicTest.dynamicTest("HTML and script in free text is kept as text", this::scriptInFreeTextIsKeptAsText));
    assertThat(generated).as("bad requests generated").isGreaterThanOrEqualTo(200);
    return nodes.stream();
  }

  private void refusedAndNothingChanged(Request request, Field field, Map<String, Object> variables) {
    List<String> before = snapshot();
    ResponseEntity<Map<String, Object>> answer = calls.post(request.user(), request.path(), Map.of("variables", variables));
    assertThat(answer.getStatusCode().is4xxClientError()).as("%s answered %s: %s", field.name(), answer.getStatusCode(),
        answer.getBody()).isTrue();
    assertThat(String.valueOf(answer.getBody())).as("the refusal names the field").contains(field.name());
    assertThat(snapshot()).as("the database after the refusal").isEqualTo(before);
  }

  private List<BadValue> badValues(Field field) {
    String tooLong = "x".repeat(VariableReader.TEXT_LIMIT + 1);
    Object serialized = serializedObject();
    if (field.kind() == null) {
      return List.of(
          new BadValue("missing", null),
          new BadValue("as text", typed("9", "String")),
          new BadValue("as a fraction", typed(field.min() + 0.5, "Double")),
          new BadValue("below the range", typed(field.min() - 1, "Integer")),
          new BadValue("above the range", typed(field.max() + 1, "Long")),
          new BadValue("far above the range", typed(1L << 40, "Long")),
          new BadValue("as a serialized Java object", serialized));
    }
    return switch (field.kind()) {
      case TEXT -> List.of(
          new BadValue("missing", null),
          new BadValue("blank", typed("   ", "String")),
          new BadValue("as a number", typed(42, "Integer")),
          new BadValue("too long", typed(tooLong, "String")),
          new BadValue("as a serialized Java object", serialized));
      case UPDATED_TEXT -> List.of(
          new BadValue("blank", typed("   ", "String")),
          new BadValue("as a number", typed(42, "Integer")),
          new BadValue("too long", typed(tooLong, "String")),
          new BadValue("as a serialized Java object", serialized));
      case OPTIONAL_TEXT -> List.of(
          new BadValue("as a boolean", typed(true, "Boolean")),
          new BadValue("too long", typed(tooLong, "String")),
          new BadValue("as a serialized Java object", serialized));
      case CODE -> List.of(
          new BadValue("missing", null),
          new BadValue("as a number", typed(42, "Integer")),
          new BadValue("too long", typed(tooLong, "String")),
          new BadValue("unknown", typed("no-such-thing", "String")),
          new BadValue("as HTML", typed(SCRIPT, "String")),
          new BadValue("as a serialized Java object", serialized));
      case BOOLEAN -> List.of(
          new BadValue("missing", null),
          new BadValue("as text", typed("yes", "String")),
          new BadValue("as a number", typed(1, "Integer")),
          new BadValue("as a serialized Java object", serialized));
      case OPTIONAL_BOOLEAN -> List.of(
          new BadValue("as text", typed("yes", "String")),
          new BadValue("as a serialized Java object", serialized));
    };
  }

  /** The requests, each against a task waiting for exactly that person (claimed where the task needs a claim). */
  private List<Request> requests() {
    String selfSubmissionStart = "/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/start";
    String endorsementStart = "/engine-rest/process-definition/key/" + EndorsementProcess.KEY + "/start";
    String requestStart = "/engine-rest/process-definition/key/" + EndorsementRequestProcess.KEY + "/start";

    // Waiting tasks, one application or endorsement each (two self-submissions per candidate and month).
    String assign = startApplication("henry", "iLAN", 2);
    claim("erin", task("erin", assign, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR));

    String assess = startApplication("alice", "iLAN", 3);
    assignCarol(assess);

    String review = startApplication("alice", "iPERF", 3);
    assignCarol(review);
    submit("carol", task("carol", review, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE),
        Map.of("score", typed(9, "Integer"), "justification", text("Measured impact.")));
    claim("dave", task("dave", review, ReviewRoundProcess.Tasks.PEER_REVIEW));

    String moderate = startApplication("bob", "iLAN", 3);
    assignCarol(moderate);
    submit("carol", task("carol", moderate, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE),
        Map.of("score", typed(9, "Integer"), "justification", text("Measured impact.")));
    Map<String, Object> peerReview = task("dave", moderate, ReviewRoundProcess.Tasks.PEER_REVIEW);
    claim("dave", peerReview);
    submit("dave", peerReview, Map.of("reviewAgrees", typed(false, "Boolean"), "proposedScore", typed(6, "Integer"),
        "reviewComment", text("The results are the team's.")));

    String amend = startApplication("bob", "iOWN", 3);
    assignCarol(amend);
    submit("carol", task("carol", amend, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE),
        Map.of("score", typed(6, "Integer"), "justification", text("Not yet measured."),
            "improvementAreas", text("Measure one change.")));
    Map<String, Object> amendReview = task("dave", amend, ReviewRoundProcess.Tasks.PEER_REVIEW);
    claim("dave", amendReview);
    submit("dave", amendReview, Map.of("reviewAgrees", typed(true, "Boolean")));

    String endorsement = (String) start("carol", endorsementStart, endorsementVariables("henry", "iOWN", 2)).get("businessKey");
    claim("frank", task("frank", endorsement, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT));

    String considered = (String) start("bob", requestStart, requestVariables("dave", "iPERF", 4)).get("businessKey");
    claim("dave", task("dave", considered, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST));

    List<Field> evidence = List.of(Field.text("impactProblem"), Field.text("impactActions"), Field.text("impactResults"),
        Field.optionalText("evidenceLinks"));
    List<Request> requests = new ArrayList<>();

    requests.add(new Request("SelfSubmissionProcess start", "henry", selfSubmissionStart,
        applicationVariables("iPERF", 2),
        concat(List.of(Field.code("skillCode"), Field.number("skillLevel", 1, 6)), evidence,
            List.of(Field.optionalFlag("reviewedWithLineManager")))));

    requests.add(new Request("Task_AssignAssessor", "erin", completion(assign, "erin", ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR),
        Map.of("assessorId", text("carol")), List.of(Field.code("assessorId"))));

    String assessment = completion(assess, "carol", ReviewRoundProcess.Tasks.ASSESS_EVIDENCE);
    requests.add(new Request("Task_AssessEvidence, scored", "carol", assessment,
        Map.of("moreEvidenceRequested", typed(false, "Boolean"), "score", typed(9, "Integer"),
            "justification", text("Measured impact.")),
        List.of(Field.optionalFlag("moreEvidenceRequested"), Field.number("score", 0, 10), Field.text("justification"))));
    requests.add(new Request("Task_AssessEvidence, below the pass mark", "carol", assessment,
        Map.of("score", typed(5, "Integer"), "justification", text("Not yet measured."),
            "improvementAreas", text("Measure one change.")),
        List.of(Field.text("improvementAreas"))));
    requests.add(new Request("Task_AssessEvidence, more evidence requested", "carol", assessment,
        Map.of("moreEvidenceRequested", typed(true, "Boolean"), "evidenceRequest", text("Which part was yours?")),
        List.of(Field.text("evidenceRequest"))));

    String peer = completion(review, "dave", ReviewRoundProcess.Tasks.PEER_REVIEW);
    requests.add(new Request("Task_PeerReview", "dave", peer,
        Map.of("reviewAgrees", typed(false, "Boolean"), "proposedScore", typed(6, "Integer"),
            "reviewComment", text("The results are the team's.")),
        List.of(Field.flag("reviewAgrees"), Field.number("proposedScore", 0, 10), Field.text("reviewComment"))));

    requests.add(new Request("Task_ModerateScore", "carol", completion(moderate, "carol", ReviewRoundProcess.Tasks.MODERATE_SCORE),
        Map.of("finalScore", typed(8, "Integer"), "moderationJustification", text("The measurement is the candidate's.")),
        List.of(Field.number("finalScore", 0, 10), Field.text("moderationJustification"))));

    Map<String, Object> amended = new LinkedHashMap<>(applicationVariables("iOWN", 3));
    amended.remove("skillCode");
    amended.remove("skillLevel");
    amended.put("resubmit", typed(true, "Boolean"));
    amended.put("amendments", text("Added my own measured change."));
    requests.add(new Request("Task_AmendApplication", "bob", completion(amend, "bob", ResubmissionProcess.Tasks.AMEND_APPLICATION),
        amended, List.of(Field.flag("resubmit"), Field.text("amendments"), Field.updatedText("impactProblem"),
            Field.updatedText("impactActions"), Field.updatedText("impactResults"), Field.optionalText("evidenceLinks"))));

    requests.add(new Request("EndorsementProcess start", "carol", endorsementStart, endorsementVariables("alice", "iOWN", 3),
        concat(List.of(Field.code("candidateId"), Field.code("skillCode"), Field.number("skillLevel", 3, 6),
            Field.number("score", 8, 10)), evidence, List.of(Field.text("justification")))));

    requests.add(new Request("Task_ReviewEndorsement", "frank",
        completion(endorsement, "frank", EndorsementProcess.Tasks.REVIEW_ENDORSEMENT),
        Map.of("reviewDecision", text("request-justification"), "reviewComment", text("Which team measured it?")),
        List.of(Field.code("reviewDecision"), Field.text("reviewComment"))));

    requests.add(new Request("EndorsementRequestProcess start", "alice", requestStart, requestVariables("frank", "iOWN", 3),
        List.of(Field.code("leaderId"), Field.code("skillCode"), Field.number("skillLevel", 3, 6), Field.text("message"))));

    String consider = completion(considered, "dave", EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
    requests.add(new Request("Task_ConsiderEndorsementRequest, declined", "dave", consider,
        Map.of("acceptRequest", typed(false, "Boolean"), "declineMessage", text("Not yet: lead one more release.")),
        List.of(Field.flag("acceptRequest"), Field.text("declineMessage"))));
    Map<String, Object> accepted = new LinkedHashMap<>(endorsementVariables("bob", "iPERF", 4));
    accepted.put("acceptRequest", typed(true, "Boolean"));
    requests.add(new Request("Task_ConsiderEndorsementRequest, accepted", "dave", consider, accepted,
        concat(List.of(Field.number("score", 8, 10)), evidence, List.of(Field.text("justification")))));
    return requests;
  }

  private void scriptInFreeTextIsKeptAsText() {
    Map<String, Object> variables = new LinkedHashMap<>(applicationVariables("iPERF", 2));
    variables.put("impactProblem", text(SCRIPT));
    variables.put("impactActions", text("<b>bold</b> & <i>\"quoted\"</i>"));
    variables.put("evidenceLinks", text("javascript:alert(1)"));
    Map<String, Object> started = start("henry", "/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/start",
        variables);
    String instanceId = (String) started.get("id");
    // Read back as the SEM team, who see every application's variables (the candidate does not).
    Map<String, Object> problem = calls.get("erin",
        "/engine-rest/process-instance/" + instanceId + "/variables/impactProblem", OBJECT).getBody();
    assertThat(problem).containsEntry("type", "String").containsEntry("value", SCRIPT);
    Map<String, Object> actions = calls.get("erin",
        "/engine-rest/process-instance/" + instanceId + "/variables/impactActions", OBJECT).getBody();
    assertThat(actions).containsEntry("value", "<b>bold</b> & <i>\"quoted\"</i>");
  }

  // --- the database, row for row -------------------------------------------------------------

  private static final String[] SNAPSHOT_QUERIES = {
      "select * from application",
      "select * from evidence_version",
      "select * from credential",
      "select * from endorsement",
      "select * from endorsement_request",
      "select * from credential_revocation",
      "select id_, rev_, proc_inst_id_, business_key_, act_id_, is_active_ from act_ru_execution",
      "select id_, rev_, proc_inst_id_, task_def_key_, assignee_, owner_, suspension_state_ from act_ru_task",
      "select id_, rev_, type_, name_, execution_id_, task_id_, bytearray_id_, double_, long_, text_, text2_ from act_ru_variable",
      "select id_, rev_, type_, process_instance_id_, retries_, duedate_ from act_ru_job",
      "select id_, type_, user_id_, group_id_, task_id_, proc_def_id_ from act_ru_identitylink",
      "select id_, event_type_, event_name_, execution_id_ from act_ru_event_subscr",
      "select id_, rev_ from act_ru_incident",
      "select id_, rev_, name_ from act_ge_bytearray",
      "select id_, end_time_ from act_hi_procinst",
      "select id_, assignee_, end_time_ from act_hi_taskinst",
  };

  private List<String> snapshot() {
    List<String> rows = new ArrayList<>();
    for (String query : SNAPSHOT_QUERIES) {
      List<String> tableRows = new ArrayList<>();
      for (Map<String, Object> row : jdbc.sql(query).query().listOfRows()) {
        StringBuilder line = new StringBuilder(query.substring(query.lastIndexOf(' ') + 1)).append(':');
        row.forEach((column, value) -> line.append(column.toLowerCase()).append('=')
            .append(value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value).append(';'));
        tableRows.add(line.toString());
      }
      tableRows.sort(null);
      rows.addAll(tableRows);
    }
    return rows;
  }

  // --- requests as the demo users ------------------------------------------------------------

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  private static Map<String, Object> text(String value) {
    return typed(value, "String");
  }

  /** An Object variable in Java serialization, which the engine must never read. */
  private static Map<String, Object> serializedObject() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(List.of("injected")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("value", Base64.getEncoder().encodeToString(bytes.toByteArray()), "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/x-java-serialized-object"));
  }

  @SafeVarargs
  private static List<Field> concat(List<Field>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  private static Map<String, Object> applicationVariables(String skillCode, int skillLevel) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("skillCode", text(skillCode));
    variables.put("skillLevel", typed(skillLevel, "Integer"));
    variables.put("impactProblem", text("Our build took 40 minutes and blocked releases."));
    variables.put("impactActions", text("I profiled the build and parallelised the suites."));
    variables.put("impactResults", text("Build time fell to 9 minutes."));
    variables.put("evidenceLinks", text("https://git.example.org/build/pull/42"));
    variables.put("reviewedWithLineManager", typed(true, "Boolean"));
    return variables;
  }

  private static Map<String, Object> endorsementVariables(String candidateId, String skillCode, int skillLevel) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("candidateId", text(candidateId));
    variables.put("skillCode", text(skillCode));
    variables.put("skillLevel", typed(skillLevel, "Integer"));
    variables.put("score", typed(9, "Integer"));
    variables.put("impactProblem", text("Our services mixed three Java styles."));
    variables.put("impactActions", text("Wrote the team's guide and led four sessions."));
    variables.put("impactResults", text("Review turnaround fell from 3 days to 1."));
    variables.put("evidenceLinks", text("https://git.example.org/guides/java"));
    variables.put("justification", text("Six months of reviews: well beyond the current level."));
    return variables;
  }

  private static Map<String, Object> requestVariables(String leaderId, String skillCode, int skillLevel) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("leaderId", text(leaderId));
    variables.put("skillCode", text(skillCode));
    variables.put("skillLevel", typed(skillLevel, "Integer"));
    variables.put("message", text("You saw my profiling work."));
    return variables;
  }

  private Map<String, Object> start(String user, String path, Map<String, Object> variables) {
    ResponseEntity<Map<String, Object>> answer = calls.post(user, path, Map.of("variables", variables));
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private String startApplication(String candidate, String skillCode, int skillLevel) {
    return (String) start(candidate, "/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/start",
        applicationVariables(skillCode, skillLevel)).get("businessKey");
  }

  private void assignCarol(String businessKey) {
    Map<String, Object> assignment = task("erin", businessKey, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);
    claim("erin", assignment);
    submit("erin", assignment, Map.of("assessorId", text("carol")));
  }

  private Map<String, Object> task(String user, String businessKey, String taskKey) {
    runJobs(businessKey);
    List<Map<String, Object>> tasks = calls.get(user,
        "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey, LIST).getBody();
    assertThat(tasks).as("%s of %s", taskKey, businessKey).hasSize(1);
    return tasks.get(0);
  }

  private String completion(String businessKey, String user, String taskKey) {
    return "/engine-rest/task/" + task(user, businessKey, taskKey).get("id") + "/submit-form";
  }

  private void claim(String user, Map<String, Object> task) {
    assertThat(calls.post(user, "/engine-rest/task/" + task.get("id") + "/claim", Map.of("userId", user)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void submit(String user, Map<String, Object> task, Map<String, Object> variables) {
    ResponseEntity<Map<String, Object>> answer = calls.submit(user, task, variables);
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs((String) task.get("processInstanceId"));
  }

  private void runJobs(String businessKeyOrInstanceId) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKeyOrInstanceId).listPage(0, 1).stream().findFirst()
        .orElseGet(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(businessKeyOrInstanceId)
            .singleResult());
    if (instance != null) {
      people.runJobs(instance);
    }
  }
}
