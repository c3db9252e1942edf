package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The start forms offer the current framework's open skills, read from the framework: what Tasklist shows a candidate
 * follows a retirement (by an administrator, over REST) and a new version at once; a start form a process owner
 * deploys from Modeler, without options as {@code forms/} holds it, has them at once and keeps the owner's changes;
 * one deployed without them another way has them at the next start. The database outlives this class: every
 * framework change here is undone by a further version with the skills as they were, every deployment deleted.
 */
@ApplicationTest
class StartFormSkillsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> START_FORMS_OF =
      List.of(SelfSubmissionProcess.KEY, EndorsementProcess.KEY, EndorsementRequestProcess.KEY);

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired SkillFrameworkRepository frameworks;
  @Autowired SkillFrameworkAdministration administration;
  @Autowired StartFormSkills startFormSkills;

  @Test
  void tasklistsStartFormsOfferTheCurrentFrameworksOpenSkills() throws IOException {
    Map<String, String> open = openSkills(frameworks.current());
    assertThat(open).containsEntry("iLAN", "iLAN \u2013 Language Knowledge");

    assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(open);
    for (String process : START_FORMS_OF) {
      assertThat(offered(process)).as(process).containsExactlyEntriesOf(open);
    }
  }

  @Test
  void aRetiredSkillIsNoLongerOfferedAndANewVersionsSkillIs() throws IOException {
    SkillFramework before = frameworks.current();
    String retiring = before.skills().stream().filter(skill -> !skill.retired()).map(Skill::code)
        .filter(code -> !code.equals("iLAN")).reduce((first, last) -> last).orElseThrow();
    try {
      ResponseEntity<String> retirement = rest.withBasicAuth("demo", "demo")
          .postForEntity("/api/skills/" + retiring + "/retire", null, String.class);
      assertThat(retirement.getStatusCode()).as(retirement.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(offeredInTasklist("alice")).doesNotContainKey(retiring).containsExactlyEntriesOf(openSkills(frameworks.current()));

      SkillFramework retired = frameworks.current();
      List<Skill> withNewSkill = new ArrayList<>(retired.skills());
      Skill language = retired.skill("iLAN").orElseThrow();
      withNewSkill.add(new Skill("iAI", "Machine Learning", "Building and running learned models.", false, language.levels()));
      administration.load(new SkillFramework(retired.version() + 1, retired.label(), withNewSkill, retired.levelProfiles()), "test");

      Map<String, String> offered = offeredInTasklist("alice");
      assertThat(offered).containsEntry("iAI", "iAI \u2013 Machine Learning").doesNotContainKey(retiring)
          .containsExactlyEntriesOf(openSkills(frameworks.current()));
      for (String process : START_FORMS_OF) {
        assertThat(offered(process)).as(process).containsExactlyEntriesOf(offered);
      }
    } finally {
      int latest = frameworks.latestVersion().orElseThrow();
      administration.load(new SkillFramework(latest + 1, before.label(), before.skills(), before.levelProfiles()), "test restore");
    }
    assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(openSkills(before));
  }

  @Test
  void aStartFormDeployedFromModelerHasTheOpenSkillsAtOnceAndKeepsTheOwnersChanges() throws IOException {
    String relabelled = Files.readString(Path.of("forms/self-submission-start.form"))
        .replace("\"label\": \"Skill\"", "\"label\": \"The skill you apply for\"");
    assertThat(relabelled).contains("The skill you apply for");
    long refillsBefore = refills().size();

    ResponseEntity<String> answer = deployAsModelerDoes("self-submission-start.form", relabelled);
    try {
      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
      JsonNode shown = startFormInTasklist("alice");
      assertThat(skillOptions(shown)).containsExactlyEntriesOf(openSkills(frameworks.current()));
      assertThat(skillField(shown).path("label").asText()).isEqualTo("The skill you apply for");
      assertThat(refills()).hasSize((int) refillsBefore + 1);
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(refills().get(0).getId()))
          .as("only the form that lacked them").containsExactly("SelfSubmissionStartForm.form");
    } finally {
      deleteDeployment(JSON.readTree(answer.getBody()).path("id").asText());
      deleteDeployment(refills().get(0).getId());
    }
    assertThat(skillField(startFormInTasklist("alice")).path("label").asText()).isEqualTo("Skill");
  }

  @Test
  void aStartFormDeployedWithoutOptionsAnotherWayHasThemAtTheNextStartAndUnchangedOnesAreNotDeployedAgain()
      throws IOException {
    assertThat(startFormSkills.offerOpenSkills()).as("nothing to change").isEmpty();

    String withoutOptions = engine.getRepositoryService().createDeployment().name("self-submission-start")
        .addString("self-submission-start.form", Files.readString(Path.of("forms/self-submission-start.form")))
        .deploy().getId();
    String refilled = null;
    try {
      assertThat(offeredInTasklist("alice")).isEmpty();
      refilled = startFormSkills.offerOpenSkills().orElseThrow();
      assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(openSkills(frameworks.current()));
    } finally {
      deleteDeployment(withoutOptions);
      if (refilled != null) {
        deleteDeployment(refilled);
      }
    }
    assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(openSkills(frameworks.current()));
  }

  /** One file, multipart to /engine-rest/deployment/create as an administrator, as Modeler's deploy button sends it. */
  private ResponseEntity<String> deployAsModelerDoes(String fileName, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "self-submission-start");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  private List<Deployment> refills() {
    return engine.getRepositoryService().createDeploymentQuery().deploymentName(StartFormSkills.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list();
  }

  private void deleteDeployment(String id) {
    engine.getRepositoryService().deleteDeployment(id, true);
  }

  private Map<String, String> offeredInTasklist(String user) throws IOException {
    return skillOptions(startFormInTasklist(user));
  }

  /** What Tasklist loads for a start event bound to a Camunda Form, asked as the person who starts. */
  private JsonNode startFormInTasklist(String user) throws IOException {
    ResponseEntity<String> form = rest.withBasicAuth(user, user)
        .getForEntity("/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/deployed-start-form", String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(form.getBody());
  }

  private Map<String, String> offered(String processKey) throws IOException {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    try (InputStream form = engine.getFormService().getDeployedStartForm(definition)) {
      return skillOptions(JSON.readTree(form));
    }
  }

  /** The options of the form's skill field, value to label, in the order shown. */
  private static Map<String, String> skillOptions(JsonNode form) {
    Map<String, String> options = new LinkedHashMap<>();
    skillField(form).path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
    return options;
  }

  private static JsonNode skillField(JsonNode form) {
    for (JsonNode component : form.path("components")) {
      if ("skillCode".equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("The form " + form.path("id") + " has no field skillCode");
  }

  private static Map<String, String> openSkills(SkillFramework framework) {
    Map<String, String> open = new LinkedHashMap<>();
    framework.skills().stream().filter(skill -> !skill.retired())
        .forEach(skill -> open.put(skill.code(), skill.code() + " \u2013 " + skill.name()));
    return open;
  }
}
