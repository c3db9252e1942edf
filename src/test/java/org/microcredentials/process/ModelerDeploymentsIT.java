package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a process owner does in Camunda Modeler, played through the REST API as Modeler's deploy button does it:
 * ONE file a deployment, multipart to {@code /engine-rest/deployment/create} as an administrator with HTTP Basic
 * and no Origin header ({@code deployment-name}, {@code deployment-source} "Camunda Modeler", the file). A model
 * deployed alone finds the current forms, a form deployed alone is what tasks show from then on, and a model with
 * a new user task and a notification step built from our element template runs. After each, a new application
 * runs to its credential, and one started before finishes on its own version. The database outlives this class:
 * every deployment made here is deleted (cascade) after each test, so the original models and forms are the
 * latest again. {@link ModelerDeploymentsPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
class ModelerDeploymentsIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String BOUNDARY = "----CamundaModelerDeploy";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  RestCalls calls;
  SelfSubmissions app;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void deleteOurDeployments() {
    app.clear();
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    deployments.clear();
  }

  @Test
  void aModelDeployedAloneUsesTheCurrentForms() throws Exception {
    String before = start("alice", "iLAN", 3);
    runJobs(before);

    String renamed = Files.readString(Path.of("processes/review-round.bpmn"))
        .replace("name=\"Assign an assessor\"", "name=\"Assign an assessor to the application\"");
    deploy("review-round.bpmn", renamed);

    String after = start("bob", "iPERF", 2);
    Map<String, Object> assignment = calls.singleTask("erin", after, "Task_AssignAssessor");
    assertThat(assignment.get("name")).isEqualTo("Assign an assessor to the application");
    assertThat(deployedForm("erin", assignment).path("id").asText()).isEqualTo("AssignAssessorForm");
    assertThat(runToCredential(after, "bob", "iPERF")).isTrue();

    // Started before: its round stays on the model it started with.
    assertThat(calls.singleTask("erin", before, "Task_AssignAssessor").get("name")).isEqualTo("Assign an assessor");
    assertThat(runToCredential(before, "alice", "iLAN")).isTrue();
  }

  @Test
  void aFormDeployedAloneIsWhatTasksShowFromThenOn() throws Exception {
    String before = start("alice", "iLAN", 3);
    runJobs(before);

    ObjectNodeEdit form = new ObjectNodeEdit(Files.readString(Path.of("forms/assign-assessor.form")));
    form.relabel("assessorId", "Assessor for this application");
    deploy("assign-assessor.form", form.json());

    String after = start("bob", "iPERF", 2);
    Map<String, Object> assignment = calls.singleTask("erin", after, "Task_AssignAssessor");
    assertThat(label(deployedForm("erin", assignment), "assessorId")).isEqualTo("Assessor for this application");
    assertThat(runToCredential(after, "bob", "iPERF")).isTrue();

    // A task is shown the newest form when it is opened, also one created before: the process model it runs
    // on is unchanged, and the task-inputs rule reads the very form shown.
    Map<String, Object> older = calls.singleTask("erin", before, "Task_AssignAssessor");
    assertThat(label(deployedForm("erin", older), "assessorId")).isEqualTo("Assessor for this application");
    assertThat(runToCredential(before, "alice", "iLAN")).isTrue();
  }

  @Test
  void aNewUserTaskAndANotificationStepFromTheTemplateRun() throws Exception {
    String before = start("alice", "iLAN", 3);
    runJobs(before);

    // Deployed in the wrong order first: the model before its form.
    deploy("review-round.bpmn", withCalibrationCheck(Files.readString(Path.of("processes/review-round.bpmn"))));
    String after = start("bob", "iPERF", 2);
    passPeerReview(after);
    Map<String, Object> check = calls.singleTask("ivan", after, "Task_CheckCalibration");
    assertThat(calls.post("ivan", "/engine-rest/task/" + check.get("id") + "/claim", Map.of("userId", "ivan"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> formless = calls.submit("ivan", check, Map.of());
    assertThat(formless.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(formless.getBody()).containsEntry("rule", "form-missing");
    assertThat((String) formless.getBody().get("message")).contains("'CalibrationCheckForm'", "'Check the calibration'");
    ResponseEntity<String> noForm = rest.withBasicAuth("ivan", "ivan")
        .getForEntity("/engine-rest/task/" + check.get("id") + "/deployed-form", String.class);
    assertThat(noForm.getStatusCode()).as("what Tasklist is told").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noForm.getBody()).contains("CalibrationCheckForm");
    // Candidates outside the SEM team do not see the new task: it is guarded like every other.
    assertThat(calls.get("carol", "/engine-rest/task?processInstanceBusinessKey=" + after
        + "&taskDefinitionKey=Task_CheckCalibration", LIST).getBody()).isEmpty();

    deploy("calibration-check.form", CALIBRATION_FORM);
    assertThat(deployedForm("ivan", check).path("id").asText()).isEqualTo("CalibrationCheckForm");
    assertThat(calls.submit("ivan", check, Map.of("calibrationNote", string("In line with last quarter's iPERF:2.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(after);
    assertThat(hasCredential("bob", "iPERF")).isTrue();

    // Started before: no calibration check in its round.
    passPeerReview(before);
    assertThat(calls.tasksOf("erin", before)).isEmpty();
    assertThat(hasCredential("alice", "iLAN")).isTrue();
  }

  @Test
  void aModelWhoseTaskDeclaresAHolderThatIsNoRoleIsRefusedAndNothingIsDeployed() throws Exception {
    long deployedBefore = engine.getRepositoryService().createDeploymentQuery().count();
    String misspelt = Files.readString(Path.of("processes/review-round.bpmn"))
        .replace("<camunda:property name=\"holder\" value=\"assessor\" />", "<camunda:property name=\"holder\" value=\"asessor\" />");
    assertThat(misspelt).contains("value=\"asessor\"");

    HttpResponse<String> answer = send("review-round.bpmn", misspelt);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode refusal = JSON.readTree(answer.body());
    assertThat(refusal.path("rule").asText()).isEqualTo("holder-unknown");
    assertThat(refusal.path("message").asText()).contains("of process ReviewRoundProcess declares holder 'asessor'",
        "use one of sem-team-assigner, assessor, candidate");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployedBefore);

    // The models deployed before are still the newest: a new application runs to its credential.
    String after = start("bob", "iPERF", 2);
    assertThat(runToCredential(after, "bob", "iPERF")).isTrue();
  }

  // --- the review round changed as a process owner changes it in Modeler

  /**
   * Before issuing: a notification step to the SEM team (built from the element template, as Modeler applies it),
   * then a user task "Check the calibration" for the SEM team with its form.
   */
  static String withCalibrationCheck(String model) throws IOException {
    String notify = notificationStep("ServiceTask_AskForCalibration", "Ask the SEM team for a calibration check",
        Map.of("notificationTemplate", "review-waiting", "notificationTo", "group:sem-team",
            "notificationExcept", "${candidateId},${assessorId}"),
        "Flow_Passed", "Flow_ToCheckCalibration");
    String check = """
            <bpmn:userTask id="Task_CheckCalibration" name="Check the calibration" camunda:candidateGroups="sem-team" camunda:formRef="CalibrationCheckForm" camunda:formRefBinding="latest">
              <bpmn:documentation>The SEM team compares the score with others for this skill and level before the credential is issued.</bpmn:documentation>
              <bpmn:incoming>Flow_ToCheckCalibration</bpmn:incoming>
              <bpmn:outgoing>Flow_CalibrationChecked</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToCheckCalibration" sourceRef="ServiceTask_AskForCalibration" targetRef="Task_CheckCalibration" />
            <bpmn:sequenceFlow id="Flow_CalibrationChecked" sourceRef="Task_CheckCalibration" targetRef="ServiceTask_IssueCredential" />
        """;
    String diagram = """
              <bpmndi:BPMNShape id="ServiceTask_AskForCalibration_di" bpmnElement="ServiceTask_AskForCalibration">
                <dc:Bounds x="2160" y="560" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_CheckCalibration_di" bpmnElement="Task_CheckCalibration">
                <dc:Bounds x="2310" y="560" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_ToCheckCalibration_di" bpmnElement="Flow_ToCheckCalibration">
                <di:waypoint x="2260" y="600" />
                <di:waypoint x="2310" y="600" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_CalibrationChecked_di" bpmnElement="Flow_CalibrationChecked">
                <di:waypoint x="2360" y="560" />
                <di:waypoint x="2210" y="490" />
              </bpmndi:BPMNEdge>
        """;
    String changed = model
        .replace("sourceRef=\"Gateway_Passed\" targetRef=\"ServiceTask_IssueCredential\"",
            "sourceRef=\"Gateway_Passed\" targetRef=\"ServiceTask_AskForCalibration\"")
        .replace("<bpmn:incoming>Flow_Passed</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToNotifyCandidateOfPass",
            "<bpmn:incoming>Flow_CalibrationChecked</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToNotifyCandidateOfPass")
        .replace("    <bpmn:serviceTask id=\"ServiceTask_IssueCredential\"", notify + check
            + "    <bpmn:serviceTask id=\"ServiceTask_IssueCredential\"")
        .replace("      <bpmndi:BPMNShape id=\"ServiceTask_IssueCredential_di\"", diagram
            + "      <bpmndi:BPMNShape id=\"ServiceTask_IssueCredential_di\"");
    assertThat(changed).contains("targetRef=\"ServiceTask_AskForCalibration\"", "<bpmn:incoming>Flow_CalibrationChecked",
        "id=\"Task_CheckCalibration\"", "id=\"Task_CheckCalibration_di\"");
    return changed;
  }

  /**
   * The service task Modeler writes when our element template is applied and its dropdowns are set: every value
   * must be one the template offers; the retry cycle our models use is set in Modeler's "Job execution".
   */
  static String notificationStep(String id, String name, Map<String, String> chosen, String incoming, String outgoing)
      throws IOException {
    JsonNode template = JSON.readTree(Path.of("docs/modeler/element-templates/send-notification.json").toFile());
    StringBuilder attributes = new StringBuilder();
    StringBuilder inputs = new StringBuilder();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if (binding.path("type").asText().equals("property")) {
        attributes.append(' ').append(binding.path("name").asText()).append("=\"")
            .append(property.path("value").asText()).append('"');
      } else if (binding.path("type").asText().equals("camunda:inputParameter")) {
        String parameter = binding.path("name").asText();
        String value = chosen.getOrDefault(parameter, property.path("value").asText());
        assertThat(StreamSupport.stream(property.path("choices").spliterator(), false)
            .map(choice -> choice.path("value").asText())).as(parameter + " is offered").contains(value);
        if (!value.isEmpty()) {
          inputs.append("          <camunda:inputParameter name=\"").append(parameter).append("\">").append(value)
              .append("</camunda:inputParameter>\n");
        }
      }
    }
    assertThat(attributes.toString()).contains("camunda:asyncBefore=\"true\"",
        "camunda:delegateExpression=\"${sendNotificationDelegate}\"");
    return "    <bpmn:serviceTask id=\"" + id + "\" name=\"" + name + "\"" + attributes + ">\n"
        + "      <bpmn:extensionElements>\n"
        + "        <camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>\n"
        + "        <camunda:inputOutput>\n" + inputs + "        </camunda:inputOutput>\n"
        + "      </bpmn:extensionElements>\n"
        + "      <bpmn:incoming>" + incoming + "</bpmn:incoming>\n"
        + "      <bpmn:outgoing>" + outgoing + "</bpmn:outgoing>\n"
        + "    </bpmn:serviceTask>\n";
  }

  static final String CALIBRATION_FORM = """
      {
        "schemaVersion": 16,
        "exporter": { "name": "Camunda Modeler", "version": "5.31.0" },
        "executionPlatform": "Camunda Platform",
        "executionPlatformVersion": "7.24.0",
        "type": "default",
        "id": "CalibrationCheckForm",
        "components": [
          { "type": "text", "id": "Text_Calibration",
            "text": "## {{skillCode}}:{{skillLevel}} for {{candidateName}}\\nCompare the score with this quarter's scores for the same skill and level." },
          { "type": "textarea", "key": "calibrationNote", "label": "What you compared", "id": "Field_calibrationNote",
            "validate": { "required": true } }
        ]
      }
      """;

  // --- Camunda Modeler's deploy button

  /** One file, as Modeler deploys it; the deployment is deleted after the test. */
  private void deploy(String fileName, String content) throws Exception {
    HttpResponse<String> answer = send(fileName, content);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(answer.body());
    deployments.add(deployment.path("id").asText());
    assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");
  }

  /** Modeler's deploy request for one file, as it is answered. */
  private HttpResponse<String> send(String fileName, String content) throws Exception {
    String body = part("deployment-name", fileName.replaceFirst("\\.[a-z]+$", ""))
        + part("deployment-source", "Camunda Modeler")
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String part(String name, String value) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  // --- an application through the REST API, as Tasklist sends it

  private String start(String candidate, String skillCode, int level) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("skillCode", string(skillCode));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("impactProblem", string("Releases were blocked by a 40 minute build."));
    variables.put("impactActions", string("Parallelised the suites, cached dependencies."));
    variables.put("impactResults", string("Build takes 9 minutes; daily releases."));
    variables.put("reviewedWithLineManager", Map.of("value", true, "type", "Boolean"));
    ResponseEntity<Map<String, Object>> started = calls.post(candidate,
        "/engine-rest/process-definition/key/SelfSubmissionProcess/start", Map.of("variables", variables));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    return (String) started.getBody().get("businessKey");
  }

  /** The SEM team assigns carol, carol scores 9, dave agrees. */
  private void passPeerReview(String businessKey) {
    calls.claimAndSubmit("erin", calls.singleTask("erin", businessKey, "Task_AssignAssessor"),
        Map.of("assessorId", string("carol")));
    runJobs(businessKey);
    assertThat(calls.submit("carol", calls.singleTask("carol", businessKey, "Task_AssessEvidence"), Map.of(
        "moreEvidenceRequested", Map.of("value", false, "type", "Boolean"),
        "score", Map.of("value", 9, "type", "Long"),
        "justification", string("Measured, repeatable impact on the whole team."))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(businessKey);
    calls.claimAndSubmit("dave", calls.singleTask("dave", businessKey, "Task_PeerReview"), Map.of(
        "reviewAgrees", Map.of("value", true, "type", "Boolean"), "reviewComment", string("Agreed.")));
    runJobs(businessKey);
  }

  private boolean runToCredential(String businessKey, String candidate, String skillCode) {
    passPeerReview(businessKey);
    assertThat(calls.tasksOf("erin", businessKey)).isEmpty();
    return hasCredential(candidate, skillCode);
  }

  private boolean hasCredential(String candidate, String skillCode) {
    return calls.get(candidate, "/api/engineers/" + candidate + "/credentials", LIST).getBody().stream()
        .anyMatch(credential -> skillCode.equals(credential.get("skillCode")));
  }

  private JsonNode deployedForm(String user, Map<String, Object> task) throws IOException {
    ResponseEntity<String> form = rest.withBasicAuth(user, user)
        .getForEntity("/engine-rest/task/" + task.get("id") + "/deployed-form", String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(form.getBody());
  }

  private static String label(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component.path("label").asText();
      }
    }
    return null;
  }

  /** The job executor is off in tests: run the application's jobs as it would. */
  private void runJobs(String businessKey) {
    app.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .rootProcessInstances().singleResult());
  }

  /** A form's JSON with one field's label changed, as the form editor saves it. */
  private static final class ObjectNodeEdit {
    private final JsonNode form;

    ObjectNodeEdit(String json) throws IOException {
      form = JSON.readTree(json);
    }

    void relabel(String key, String label) {
      for (JsonNode component : form.path("components")) {
        if (key.equals(component.path("key").asText())) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) component).put("label", label);
          return;
        }
      }
      throw new AssertionError("no field " + key);
    }

    String json() throws IOException {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
    }
  }
}
