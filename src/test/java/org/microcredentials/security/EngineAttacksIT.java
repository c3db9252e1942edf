package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.testing.RestCalls.string;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on the engine's REST API by ordinary people, sent as they were: a start carrying an Object variable
 * that names a Java class for the server to build ({@code java.io.File}, {@code java.net.URL}); free text with
 * line breaks that would forge lines of the application log. Each is refused or neutralised and leaves nothing.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineAttacksIT {

  private static final String START = "/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/start";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  RestCalls calls;
  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void aStartWithAnObjectVariableNamingAJavaClassIsRefusedAndLeavesNoInstance() {
    for (String[] attack : List.of(new String[] {"java.io.File", "\"/etc/passwd\""},
        new String[] {"java.net.URL", "\"http://attacker.example/\""})) {
      for (String variable : List.of("impactProblem", "evidence")) {
        Map<String, Object> variables = new HashMap<>(startVariables());
        variables.put(variable, Map.of("type", "Object", "value", attack[1], "valueInfo",
            Map.of("objectTypeName", attack[0], "serializationDataFormat", "application/json")));
        ResponseEntity<Map<String, Object>> refused = calls.post("alice", START, Map.of("variables", variables));
        assertThat(refused.getStatusCode().value()).as("%s in %s: %s", attack[0], variable, refused).isEqualTo(400);
        // An ordinary account is refused by the engine REST allow list first; the engine's own type
        // validation is the line behind it (theEngineRebuildsOnlyObjectsOfAllowedTypes).
        assertThat(refused.getBody()).containsEntry("rule", "no-object-variables");
        assertThat(String.valueOf(refused.getBody())).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SelfSubmissionProcess.KEY)
            .count()).as("%s in %s", attack[0], variable).isZero();
        assertThat(app.applications()).isZero();
      }
    }
    // Through Tasklist's engine API (the start form) the same.
    Map<String, Object> viaTasklist = new HashMap<>(startVariables());
    viaTasklist.put("impactProblem", Map.of("type", "Object", "value", "\"/etc/passwd\"", "valueInfo",
        Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json")));
    ResponseEntity<String> tasklist = TasklistSession.login(rest, "alice").post("/process-definition/key/"
        + SelfSubmissionProcess.KEY + "/submit-form", Map.of("variables", viaTasklist));
    assertThat(tasklist.getStatusCode().value()).as("%s", tasklist).isEqualTo(400);
    assertThat(tasklist.getBody()).contains("no-object-variables").doesNotContain("Exception");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SelfSubmissionProcess.KEY)
        .count()).isZero();

    // Nor any other type no form sends: Xml (no serializer here: it answered 500), File, Bytes.
    for (String type : List.of("Xml", "File", "Bytes", "xml")) {
      Map<String, Object> variables = new HashMap<>(startVariables());
      variables.put("impactProblem", Map.of("type", type, "value", "PGE+PC9hPg=="));
      ResponseEntity<Map<String, Object>> refused = calls.post("alice", START, Map.of("variables", variables));
      assertThat(refused.getStatusCode().value()).as("%s: %s", type, refused).isEqualTo(400);
      assertThat(refused.getBody()).containsEntry("rule", "no-object-variables");
      assertThat((String) refused.getBody().get("message")).contains("'impactProblem' is sent as " + type);
    }
    assertThat(app.applications()).isZero();

    // The same start without the object is accepted: the refusal was the object's.
    assertThat(calls.post("alice", START, Map.of("variables", startVariables())).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /**
   * A start sets its start form's fields and nothing else: alice's application started with {@code passed} and
   * {@code finalScore} of her choosing (which clients read from the instance) or a field nobody asked for is refused
   * naming them, through {@code /engine-rest} and Tasklist's engine API, and nothing is left; the form's fields
   * alone start it.
   */
  @Test
  void aStartSetsOnlyTheFieldsOfItsStartForm() {
    Map<String, Object> variables = new HashMap<>(startVariables());
    variables.put("passed", Map.of("value", true, "type", "Boolean"));
    variables.put("finalScore", Map.of("value", 10, "type", "Integer"));
    ResponseEntity<Map<String, Object>> refused = calls.post("alice", START, Map.of("variables", variables));
    assertThat(refused.getStatusCode().value()).as("%s", refused).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("rule", "start-inputs");
    assertThat((String) refused.getBody().get("message")).contains("'passed'", "'finalScore'", "skillCode")
        .doesNotContain("'skillCode'");

    Map<String, Object> viaTasklist = new HashMap<>(startVariables());
    viaTasklist.put("notes", string("x".repeat(20_000)));
    ResponseEntity<String> tasklist = TasklistSession.login(rest, "alice").post("/process-definition/key/"
        + SelfSubmissionProcess.KEY + "/submit-form", Map.of("variables", viaTasklist));
    assertThat(tasklist.getStatusCode().value()).as("%s", tasklist).isEqualTo(400);
    assertThat(tasklist.getBody()).contains("start-inputs", "'notes'");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SelfSubmissionProcess.KEY)
        .count()).isZero();
    assertThat(app.applications()).isZero();

    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SelfSubmissionProcess.KEY).latestVersion().singleResult().getId();
    assertThat(calls.post("alice", "/engine-rest/process-definition/" + definitionId + "/start",
        Map.of("variables", variables)).getBody()).containsEntry("rule", "start-inputs");
    assertThat(calls.post("alice", START, Map.of("variables", startVariables())).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /**
   * The engine-level line, whatever our own rules read: an Object variable of a class outside the allowed ones
   * is never rebuilt as a Java object, while ours (a list of ids, as the expiry process keeps) still is.
   */
  @Test
  void theEngineRebuildsOnlyObjectsOfAllowedTypes() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    ProcessInstance instance = app.submit("alice", "iLAN", 2);
    String executionId = app.current(instance);
    engine.getRuntimeService().setVariable(executionId, "smuggled", Variables.serializedObjectValue("\"/etc/passwd\"")
        .objectTypeName("java.io.File").serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(executionId, "smuggled"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.io.File");
    engine.getRuntimeService().setVariable(executionId, "ours", Variables.objectValue(new java.util.ArrayList<>(List.of("a", "b")))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    assertThat(engine.getRuntimeService().getVariable(executionId, "ours")).isEqualTo(List.of("a", "b"));
  }

  /**
   * An endorsement request's message with a line break, and a first name (Camunda profile) with one: the
   * notification logged on the embedded default carries both, on one line.
   */
  @Test
  void textWithLineBreaksForgesNoLogLine(CapturedOutput output) {
    // A name comes from an administrator or the company's directory (people no longer edit their own profile:
    // the engine REST allow list refuses it), and may still carry a line break.
    Map<String, Object> profile = calls.get("demo", "/engine-rest/user/dave/profile", RestCalls.OBJECT).getBody();
    try {
      Map<String, Object> forged = new HashMap<>(profile);
      forged.put("firstName", "Dave\r\nFORGED NAME LINE");
      assertThat(put("demo", "/engine-rest/user/dave/profile", forged).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<Map<String, Object>> started = calls.post("alice",
          "/engine-rest/process-definition/key/EndorsementRequestProcess/start", Map.of("variables", Map.of(
              "leaderId", string("dave"),
              "skillCode", string("iPERF"),
              "skillLevel", Map.of("value", 3, "type", "Integer"),
              "message", string("a\nFORGED LOG LINE 2026-12-06 INFO credential issued\u2028FORGED TOO"))));
      assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
      app.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id"))
          .singleResult());
    } finally {
      put("demo", "/engine-rest/user/dave/profile", profile);
    }
    assertThat(output.getAll()).contains("Mail to dave").contains("FORGED LOG LINE").contains("FORGED NAME LINE")
        .contains("FORGED TOO");
    assertThat(Arrays.stream(output.getAll().split("\\R"))).noneMatch(line -> line.startsWith("FORGED"));
    // The template's rendering makes the name's CRLF an LF; either way it is written as text.
    assertThat(output.getAll()).contains("Hello Dave\\nFORGED NAME LINE").contains("a\\nFORGED LOG LINE")
        .contains("\\u2028FORGED TOO");
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class);
  }

  private static Map<String, Object> startVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("skillCode", string("iLAN"));
    variables.put("skillLevel", Map.of("value", 2, "type", "Integer"));
    variables.put("impactProblem", string("Releases were blocked by a 40 minute build."));
    variables.put("impactActions", string("Parallelised the suites, cached dependencies."));
    variables.put("impactResults", string("Build takes 9 minutes; daily releases."));
    variables.put("reviewedWithLineManager", Map.of("value", true, "type", "Boolean"));
    return variables;
  }
}
