package org.microcredentials.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.microcredentials.process.AsTheApplication;
import org.microcredentials.process.DeployedThroughRest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The skill a start form offers is one of the current framework's open skills, read from the framework: the forms
 * in {@code forms/} carry no options. Tasklist gives a start form no variables (only a task's form gets them), so the
 * options cannot come from one: each start form Tasklist shows with a select of key {@code skillCode} is deployed
 * again with the open skills as its options, where they differ from those it has. This happens when the
 * application is ready (after Camunda deployed {@code forms/}), after every change of the framework, and after every
 * deployment through {@code /engine-rest} (a start form deployed from Modeler). Only forms bound as {@code latest}
 * (all of ours): the version deployed here is then the one shown; it keeps everything else of the version it copies,
 * also of one a process owner deployed from Modeler. Two nodes of a cluster may deploy at the same moment: each
 * deploys the same options, and either version shows them.
 */
@Component
class StartFormSkills {

  static final String SKILL_FIELD = "skillCode";
  static final String DEPLOYMENT_NAME = "start-forms-with-open-skills";
  private static final String LATEST = "latest";

  private static final Logger LOG = LoggerFactory.getLogger(StartFormSkills.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final FormService forms;
  private final IdentityService identity;
  private final SkillFrameworkRepository frameworks;

  StartFormSkills(RepositoryService repository, FormService forms, IdentityService identity,
      SkillFrameworkRepository frameworks) {
    this.repository = repository;
    this.forms = forms;
    this.identity = identity;
    this.frameworks = frameworks;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applicationReady() {
    offerOpenSkills();
  }

  /** After the change is committed, in a transaction of its own: the deployment reads the framework as stored. */
  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void frameworkChanged(FrameworkChanged change) {
    offerOpenSkills();
  }

  /**
   * A start form deployed from Modeler comes without options (as {@code forms/} holds it): it has them at once. The
   * deployment asked for is made; a failure here leaves the form to the next start or framework change.
   */
  @EventListener
  void deployedThroughRest(DeployedThroughRest deployment) {
    try {
      offerOpenSkills();
    } catch (RuntimeException e) {
      LOG.error("The start forms of deployment {} are not yet given the framework's open skills: they are at the next"
          + " start of the application or change of the framework", deployment.deploymentId(), e);
    }
  }

  /**
   * Deploys the start forms whose options are not the current framework's open skills: the deployment's id, if any.
   * The application deploys, not the person whose change led here: none of their authorizations apply, nor the limit
   * of an authenticated caller's query.
   */
  Optional<String> offerOpenSkills() {
    return AsTheApplication.call(identity, this::deployWhereOptionsDiffer);
  }

  private Optional<String> deployWhereOptionsDiffer() {
    SkillFramework framework = frameworks.current();
    ArrayNode openSkills = options(framework);
    DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
        .source("skills framework version " + framework.version());
    Map<String, JsonNode> shown = startFormsShown();
    int changed = 0;
    for (Map.Entry<String, JsonNode> form : shown.entrySet()) {
      Optional<ObjectNode> field = skillField(form.getValue());
      if (field.isPresent() && !openSkills.equals(field.get().get("values"))) {
        field.get().set("values", openSkills);
        deployment.addInputStream(form.getKey() + ".form", new ByteArrayInputStream(json(form.getValue())));
        changed++;
      }
    }
    if (changed == 0) {
      return Optional.empty();
    }
    String id = deployment.deploy().getId();
    LOG.info("Deployed {} start forms with the {} open skills of skills framework version {} (deployment {})", changed,
        openSkills.size(), framework.version(), id);
    return Optional.of(id);
  }

  /**
   * The Camunda Forms the newest process definitions show at their start, by form id, as Tasklist reads them; only
   * those bound as {@code latest}, which show a version deployed after them.
   */
  private Map<String, JsonNode> startFormsShown() {
    Map<String, JsonNode> shown = new LinkedHashMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      StartFormData start = forms.getStartFormData(definition.getId());
      CamundaFormRef formRef = start == null ? null : start.getCamundaFormRef();
      if (formRef != null && LATEST.equals(formRef.getBinding()) && !shown.containsKey(formRef.getKey())) {
        try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
          shown.put(formRef.getKey(), JSON.readTree(form));
        } catch (NotFoundException notDeployed) {
          // A model deployed before its form: the start is refused until the form is deployed (form-missing).
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return shown;
  }

  /** Labelled as the framework names a skill: {@code iLAN – Language Knowledge}. */
  private static ArrayNode options(SkillFramework framework) {
    ArrayNode options = JSON.createArrayNode();
    framework.skills().stream().filter(skill -> !skill.retired()).forEach(skill -> options.addObject()
        .put("label", skill.code() + " \u2013 " + skill.name())
        .put("value", skill.code()));
    return options;
  }

  private static Optional<ObjectNode> skillField(JsonNode component) {
    if ("select".equals(component.path("type").asText()) && SKILL_FIELD.equals(component.path("key").asText())) {
      return Optional.of((ObjectNode) component);
    }
    for (JsonNode child : component.path("components")) {
      Optional<ObjectNode> field = skillField(child);
      if (field.isPresent()) {
        return field;
      }
    }
    return Optional.empty();
  }

  private static byte[] json(JsonNode form) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
