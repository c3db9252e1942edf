package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models as process owners keep them in processes/: each parses, names its elements (no
 * generated ids), sets historyTimeToLive, opens in Camunda Modeler (diagram and platform
 * version), uses only beans that exist, and binds a form from forms/ to every user task and to the start event of every process startable in Tasklist.
 */
@ApplicationTest
class ProcessModelsIT {

  private static final Pattern GENERATED_ID = Pattern.compile("(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task)_[0-9a-z]{7}");
  /** Beans are what delegate expressions name, and what method-call expressions call. */
  private static final Pattern BEAN =
      Pattern.compile("(?:delegateExpression=\"\\$\\{([A-Za-z][A-Za-z0-9]*)}|expression=\"\\$\\{([A-Za-z][A-Za-z0-9]*)\\.)");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;

  @Test
  void everyModelIsSoundAndDeployed() throws IOException {
    List<Path> models = files("processes", ".bpmn");
    assertThat(models).isNotEmpty();
    Set<String> formIds = formIds();
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      String xml = Files.readString(file);
      assertThat(xml).as(file + " opens in Camunda Modeler")
          .contains("modeler:executionPlatform=\"Camunda Platform\"", "modeler:executionPlatformVersion=\"7.24.0\"", "BPMNDiagram");

      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (element.getId() != null) {
          assertThat(GENERATED_ID.matcher(element.getId()).matches()).as(file + ": generated id " + element.getId()).isFalse();
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId() + " historyTimeToLive").isNotBlank();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).latestVersion().count())
            .as(process.getId() + " is deployed").isEqualTo(1);
      }
      Matcher beans = BEAN.matcher(xml);
      int named = 0;
      while (beans.find()) {
        String name = beans.group(1) != null ? beans.group(1) : beans.group(2);
        assertThat(context.containsBean(name)).as(file + " names bean ${" + name + "}").isTrue();
        named++;
      }
      assertThat(named).as(file + " names its beans").isPositive();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as(task.getId() + " has a Camunda Form").isNotBlank();
        assertThat(formIds).as(task.getId() + " form " + task.getCamundaFormRef()).contains(task.getCamundaFormRef());
        // Models and forms are deployed apart from Camunda Modeler, one file at a time: a task finds the newest form.
        assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " form binding").isEqualTo("latest");
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        // A process people start in Tasklist has a start form; one only called by another has none.
        if (start.getParentElement() instanceof Process process && process.isCamundaStartableInTasklist()) {
          assertThat(formIds).as(start.getId() + " form").contains(start.getCamundaFormRef());
          assertThat(start.getCamundaFormRefBinding()).as(start.getId() + " form binding").isEqualTo("latest");
        }
      }
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files("forms", ".form")) {
      JsonNode schema = json.readTree(form.toFile());
      assertThat(schema.path("schemaVersion").asInt()).as(form + " schemaVersion").isEqualTo(16);
      ids.add(schema.path("id").asText());
    }
    return ids;
  }

  private static List<Path> files(String folder, String extension) throws IOException {
    try (Stream<Path> paths = Files.list(new File(folder).toPath())) {
      return new ArrayList<>(paths.filter(path -> path.toString().endsWith(extension)).sorted().toList());
    }
  }
}
