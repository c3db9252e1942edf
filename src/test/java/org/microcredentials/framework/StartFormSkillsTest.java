package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The start forms offer the current framework's open skills, read from the framework: what Tasklist shows a candidate
 * follows a retirement and a new version at once, and a start form deployed without options (as {@code forms/} holds
 * it, or from Modeler) has them again when the application starts. The database outlives this class: every
 * framework change here is undone by a further version with the skills as they were.
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
      administration.retire(retiring);
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
  void aStartFormDeployedWithoutOptionsHasThemAgainAtTheNextStartAndUnchangedOnesAreNotDeployedAgain() throws IOException {
    assertThat(startFormSkills.offerOpenSkills()).as("nothing to change").isEmpty();

    // What a process owner deploys from Modeler: the form as forms/ holds it, without options.
    String ownersDeployment = engine.getRepositoryService().createDeployment().name("self-submission-start")
        .addString("self-submission-start.form", Files.readString(Path.of("forms/self-submission-start.form")))
        .deploy().getId();
    String refilled = null;
    try {
      assertThat(offeredInTasklist("alice")).isEmpty();

      refilled = startFormSkills.offerOpenSkills().orElseThrow();
      assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(openSkills(frameworks.current()));
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(refilled))
          .as("only the form that lacked them").containsExactly("SelfSubmissionStartForm.form");
    } finally {
      engine.getRepositoryService().deleteDeployment(ownersDeployment, true);
      if (refilled != null) {
        engine.getRepositoryService().deleteDeployment(refilled, true);
      }
    }
    assertThat(offeredInTasklist("alice")).containsExactlyEntriesOf(openSkills(frameworks.current()));
  }

  /** What Tasklist loads for a start event bound to a Camunda Form, asked as the person who starts. */
  private Map<String, String> offeredInTasklist(String user) throws IOException {
    ResponseEntity<String> form = rest.withBasicAuth(user, user)
        .getForEntity("/engine-rest/process-definition/key/" + SelfSubmissionProcess.KEY + "/deployed-start-form", String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    return skillOptions(JSON.readTree(form.getBody()));
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
    for (JsonNode component : form.path("components")) {
      if ("skillCode".equals(component.path("key").asText())) {
        Map<String, String> options = new LinkedHashMap<>();
        component.path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
        return options;
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
