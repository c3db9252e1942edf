package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.task.Task;

/**
 * A task takes exactly the fields of its Camunda Form. Camunda lets whoever may work on a task set
 * any process variable through it (on completion, or with {@code PUT /task/{id}/variables/...}):
 * a reviewer could rewrite the candidate's evidence, which the credential then carries. On every
 * call that sets or deletes variables through a task, in {@code /engine-rest} and in Tasklist's
 * engine API, a variable that is not one of the form's fields is refused (400, rule
 * {@code task-inputs}) unless it is sent back unchanged.
 */
@Priority(Priorities.USER)
public class TaskInputsFilter implements ContainerRequestFilter {

  private static final Pattern TASK_VARIABLES = Pattern.compile(
      "^/?(?:engine/([^/]+)/)?task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+))?(?:/data)?/?$");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Form fields by process definition and task: a deployed model never changes. */
  private static final Map<String, Set<String>> FIELDS = new ConcurrentHashMap<>();
  /** Camunda's REST layer finds engines through this SPI; the Spring Boot starter provides it. */
  private static final Optional<ProcessEngineProvider> PROVIDER =
      ServiceLoader.load(ProcessEngineProvider.class).findFirst();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if ("GET".equals(method) || "OPTIONS".equals(method) || "HEAD".equals(method)) {
      return;
    }
    Matcher matcher = TASK_VARIABLES.matcher(request.getUriInfo().getPath());
    if (!matcher.matches()) {
      return;
    }
    ProcessEngine engine = engine(matcher.group(1));
    Task task = engine == null ? null
        : engine.getTaskService().createTaskQuery().taskId(matcher.group(2)).initializeFormKeys().singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // The engine answers: no such task, or not this person's to see.
    }
    Map<String, JsonNode> sent = sentVariables(request, method, matcher.group(3), matcher.group(4));
    Set<String> fields = FIELDS.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> formFields(engine, task));
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : sent.entrySet()) {
      if (!fields.contains(variable.getKey()) && !unchanged(engine, task, variable.getKey(), variable.getValue())) {
        refused.add(variable.getKey());
      }
    }
    if (!refused.isEmpty()) {
      String message = "'" + task.getName() + "' takes " + (fields.isEmpty() ? "no fields" : String.join(", ", fields))
          + "; it may not set " + String.join(", ", refused.stream().map(name -> "'" + name + "'").toList()) + ".";
      request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "RuleViolation", "rule", "task-inputs", "message", message)).build());
    }
  }

  /** Name → value (null when the call deletes it or sends binary data) of every variable the call sets. */
  private static Map<String, JsonNode> sentVariables(ContainerRequestContext request, String method, String operation,
      String name) throws IOException {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    Map<String, JsonNode> sent = new LinkedHashMap<>();
    if (name != null) {
      JsonNode value = "PUT".equals(method) && body.length > 0 ? json(body).path("value") : null;
      sent.put(name, value);
      return sent;
    }
    JsonNode root = body.length > 0 ? json(body) : JSON.createObjectNode();
    JsonNode variables = "variables".equals(operation) || "localVariables".equals(operation)
        ? root.path("modifications") : root.path("variables");
    for (Map.Entry<String, JsonNode> field : variables.properties()) {
      sent.put(field.getKey(), field.getValue().path("value"));
    }
    root.path("deletions").forEach(deleted -> sent.put(deleted.asText(), null));
    return sent;
  }

  private static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException malformed) {
      return JSON.createObjectNode(); // Camunda's own reader refuses it.
    }
  }

  /** A field shown read-only in a form comes back as it was: that is not a change. */
  private static boolean unchanged(ProcessEngine engine, Task task, String name, JsonNode sent) {
    if (sent == null || sent.isMissingNode()) {
      return false;
    }
    Object current = engine.getTaskService().getVariable(task.getId(), name);
    if (current == null) {
      return sent.isNull();
    }
    return Objects.equals(String.valueOf(current), sent.isValueNode() ? sent.asText() : sent.toString());
  }

  private static Set<String> formFields(ProcessEngine engine, Task task) {
    Set<String> keys = new LinkedHashSet<>();
    if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
      return keys;
    }
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      collectKeys(JSON.readTree(form), keys);
    } catch (IOException | RuntimeException unreadable) {
      throw new IllegalStateException("The form of '" + task.getName() + "' cannot be read", unreadable);
    }
    return keys;
  }

  private static void collectKeys(JsonNode component, Set<String> keys) {
    if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)) {
      keys.add(component.get("key").asText());
    }
    component.path("components").forEach(child -> collectKeys(child, keys));
  }

  /** The engine the call names, found as Camunda's REST layer finds it. */
  private static ProcessEngine engine(String name) {
    ProcessEngineProvider provider = PROVIDER.orElse(null);
    if (provider == null) {
      return null;
    }
    return name == null ? provider.getDefaultProcessEngine() : provider.getProcessEngine(name);
  }
}
