package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;

/**
 * A task takes exactly the fields of its Camunda Form. Camunda lets whoever may work on a task set
 * any process variable through it (on completion, or with {@code PUT /task/{id}/variables/...}):
 * a reviewer could rewrite the candidate's evidence, which the credential then carries. On every
 * call that sets or deletes variables through a task, in {@code /engine-rest} and in Tasklist's
 * engine API, a variable that is not one of the form's fields is refused (400, rule
 * {@code task-inputs}) unless it is sent back unchanged. The call is recognised by the resource
 * method Jersey routes it to and its decoded path parameters ({@link EngineRequests}), not by the
 * URL's text: a matrix parameter or another spelling of the path is the same call.
 *
 * <p>Models bind their forms with {@code camunda:formRefBinding="latest"}: a process owner deploys a model
 * or a form alone from Camunda Modeler, and a task shows the newest form with its id. So the fields are read
 * from the form the task shows now, on every call, never remembered per process definition (a form deployed
 * later changes them under the same definition); the engine keeps deployed resources in its deployment
 * cache. A form nobody deployed is refused (409, rule {@code form-missing}) naming the form.
 */
@Priority(Priorities.USER)
public class TaskInputsFilter extends EngineChangeFilter {

  /** Calls of a task that take variables in their body's {@code variables}. */
  private static final Set<String> TASK_COMPLETIONS = Set.of("complete", "submit", "resolve", "handleBpmnError",
      "handleEscalation");
  /** The task's (local) variables sub-resources. */
  private static final Set<String> TASK_VARIABLES = Set.of("TaskVariablesResource", "LocalTaskVariablesResource");

  @Override
  protected void filter(EngineRequests request, String resource, String method) throws IOException {
    boolean completion = "TaskResourceImpl".equals(resource) && TASK_COMPLETIONS.contains(method);
    if (!completion && !TASK_VARIABLES.contains(resource)) {
      return;
    }
    ProcessEngine engine = request.engine();
    String taskId = request.pathParameter("id");
    Task task = engine == null || taskId == null ? null
        : engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // The engine answers: no such task, or not this person's to see.
    }
    Map<String, JsonNode> sent = sentVariables(request, method, completion);
    Set<String> fields;
    try {
      fields = formFields(engine, task);
    } catch (TaskGone gone) {
      return; // Completed by a request sent at the same moment: the engine answers 404 task-not-found.
    } catch (NotFoundException missing) {
      CamundaFormRef form = task.getCamundaFormRef();
      String formName = form != null ? form.getKey() : task.getFormKey();
      request.refuse(409, "form-missing", "The form '" + formName + "' of '" + task.getName()
          + "' is not deployed: an administrator deploys it from Camunda Modeler (docs/process-owners.md).");
      return;
    }
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : sent.entrySet()) {
      if (!fields.contains(variable.getKey()) && !unchanged(engine, task, variable.getKey(), variable.getValue())) {
        refused.add(variable.getKey());
      }
    }
    if (!refused.isEmpty()) {
      request.refuse(400, "task-inputs", "'" + task.getName() + "' takes "
          + (fields.isEmpty() ? "no fields" : String.join(", ", fields)) + "; it may not set "
          + String.join(", ", refused.stream().map(name -> "'" + name + "'").toList()) + ".");
    } else if (completion) {
      // Marked after this check's own reads: only the completion's commands lock the task's row.
      request.mark(PeoplesCommandsRetried.TASK_COMPLETED, taskId);
    }
  }

  /** Name → value (null when the call deletes it or sends binary data) of every variable the call sets. */
  private static Map<String, JsonNode> sentVariables(EngineRequests request, String method, boolean completion)
      throws IOException {
    JsonNode root = request.body();
    Map<String, JsonNode> sent = new LinkedHashMap<>();
    if (!completion && !"modifyVariables".equals(method)) {
      // One named variable: put (its value), binary data or deletion (no value to compare).
      String name = request.pathParameter("varId");
      sent.put(name == null ? "" : name, "putVariable".equals(method) ? root.path("value") : null);
      return sent;
    }
    JsonNode variables = completion ? root.path("variables") : root.path("modifications");
    for (Map.Entry<String, JsonNode> field : variables.properties()) {
      sent.put(field.getKey(), field.getValue().path("value"));
    }
    root.path("deletions").forEach(deleted -> sent.put(deleted.asText(), null));
    return sent;
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
      keys.addAll(FormFields.of(form));
    } catch (NotFoundException missing) {
      throw missing;
    } catch (IOException | RuntimeException unreadable) {
      if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
        // The engine reads the task's form through its execution: a completion committed meanwhile took both away.
        throw new TaskGone();
      }
      throw new IllegalStateException("The form of '" + task.getName() + "' cannot be read", unreadable);
    }
    return keys;
  }

  /** The task was completed while its form was being read. */
  private static final class TaskGone extends RuntimeException {
    TaskGone() {
      super(null, null, false, false);
    }
  }
}
