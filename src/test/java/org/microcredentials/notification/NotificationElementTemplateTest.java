package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/**
 * The element template a process owner builds a notification step from in Camunda Modeler
 * ({@code docs/modeler/element-templates/send-notification.json}) offers exactly what the notifier knows: its
 * input parameters are the delegate's, its messages are the templates in {@code notifications/} (a new template
 * file without its choice, or a choice without its file, fails here), and every recipient it offers is one our
 * models mail. Its shape is checked against Camunda's schema in CI ({@code .ci/bpmn-lint}, {@code npm run templates}).
 */
class NotificationElementTemplateTest {

  static final Path TEMPLATE = Path.of("docs/modeler/element-templates/send-notification.json");
  static final Pattern INPUT = Pattern.compile("<camunda:inputParameter name=\"(notification\\w+)\">([^<]*)<");

  @Test
  void theTemplateOffersWhatTheNotifierKnows() throws IOException {
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile());
    Map<String, JsonNode> bound = new HashMap<>();
    template.path("properties").forEach(property -> bound.put(property.path("binding").path("name").asText(), property));

    assertThat(bound.get("camunda:delegateExpression").path("value").asText()).isEqualTo("${sendNotificationDelegate}");
    assertThat(SendNotificationDelegate.class.getAnnotation(org.springframework.stereotype.Component.class)).isNotNull();
    assertThat(bound.get("camunda:asyncBefore").path("value").asBoolean()).isTrue();
    // No template binding sets a retry cycle: Modeler must keep its "Job execution" group visible to set it.
    assertThat(template.path("entriesVisible").asBoolean()).isTrue();
    assertThat(bound).containsKeys(SendNotificationDelegate.TEMPLATE.name(), SendNotificationDelegate.TO.name(),
        SendNotificationDelegate.EXCEPT.name());

    Set<String> files;
    try (Stream<Path> notifications = Files.list(Path.of("src/main/resources/notifications"))) {
      files = notifications.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".txt"))
          .map(name -> name.substring(0, name.length() - ".txt".length())).collect(java.util.stream.Collectors.toSet());
    }
    assertThat(choices(bound.get(SendNotificationDelegate.TEMPLATE.name()))).containsExactlyInAnyOrderElementsOf(files);

    Map<String, Set<String>> modelled = modelledInputs();
    assertThat(modelled.get(SendNotificationDelegate.TEMPLATE.name())).isSubsetOf(files);
    assertThat(choices(bound.get(SendNotificationDelegate.TO.name()))).isSubsetOf(modelled.get(SendNotificationDelegate.TO.name()));
    assertThat(choices(bound.get(SendNotificationDelegate.EXCEPT.name())).stream().filter(value -> !value.isEmpty()).toList())
        .isSubsetOf(modelled.get(SendNotificationDelegate.EXCEPT.name()));
  }

  @Test
  void everyNotificationStepOfOurModelsRunsAsItsOwnJobWithRetries() throws IOException {
    Pattern step = Pattern.compile("<bpmn:serviceTask [^>]*\\$\\{sendNotificationDelegate}[^>]*>(.*?)</bpmn:serviceTask>",
        Pattern.DOTALL);
    for (Path model : models()) {
      Matcher found = step.matcher(Files.readString(model));
      while (found.find()) {
        assertThat(found.group()).as(model + ": " + found.group().lines().findFirst().orElse(""))
            .contains("camunda:asyncBefore=\"true\"", "<camunda:failedJobRetryTimeCycle>R3/");
      }
    }
  }

  /**
   * A notice that ends a branch beside a person's task (reached from a parallel gateway or a non-interrupting
   * boundary event, through any exclusive gateways) runs asynchronously after too: the branch's end reorganises
   * the execution tree the person's task hangs on, and must not be in the job that sends the mail
   * (docs/reliability.md, "People come first under concurrency").
   */
  @Test
  void aNoticeEndingABranchBesideAPersonsTaskEndsItInAJobOfItsOwn() throws IOException {
    List<String> beside = new ArrayList<>();
    for (Path model : models()) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (ServiceTask notice : instance.getModelElementsByType(ServiceTask.class)) {
        boolean endsABranch = notice.getOutgoing().stream().allMatch(flow -> flow.getTarget() instanceof EndEvent);
        if ("${sendNotificationDelegate}".equals(notice.getCamundaDelegateExpression()) && endsABranch
            && besideAnotherPath(notice, new HashSet<>())) {
          beside.add(notice.getId());
          assertThat(notice.isCamundaAsyncAfter()).as(model + ": " + notice.getId()).isTrue();
        }
      }
    }
    assertThat(beside).contains("ServiceTask_InformLineManager", "ServiceTask_NotifyLeaderOfRequest",
        "ServiceTask_EscalateAssignment", "ServiceTask_EscalateAssessment", "ServiceTask_EscalateReview");
  }

  private static boolean besideAnotherPath(FlowNode node, Set<String> seen) {
    if (!seen.add(node.getId())) {
      return false;
    }
    for (SequenceFlow incoming : node.getIncoming()) {
      FlowNode source = incoming.getSource();
      if (source instanceof ParallelGateway
          || source instanceof BoundaryEvent boundary && !boundary.cancelActivity()
          || source instanceof ExclusiveGateway && besideAnotherPath(source, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> choices(JsonNode property) {
    Set<String> values = new LinkedHashSet<>();
    property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
    return values;
  }

  private static Map<String, Set<String>> modelledInputs() throws IOException {
    Map<String, Set<String>> inputs = new HashMap<>();
    for (Path model : models()) {
      Matcher input = INPUT.matcher(Files.readString(model));
      while (input.find()) {
        inputs.computeIfAbsent(input.group(1), name -> new HashSet<>()).add(input.group(2));
      }
    }
    return inputs;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      return models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
