package org.microcredentials.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.microcredentials.RuleViolation;

/**
 * The {@link Holder} of a user task, read from the model the task runs on. A model of an earlier release declares
 * none (its instances may still run), and a process owner may leave a task's declaration out of a new version: such
 * a task is held by the role its id was last declared with, so a check is never dropped by an older model or a
 * property removed in Modeler:
 * <ol>
 *   <li>the task's own model element;</li>
 *   <li>else the newest version of the same process whose task of that id declares a holder;</li>
 *   <li>else the processes whose task of that id declares one (a task that moved into another process, as the
 *       assessment moved from the self-submission into the review round), each process' newest declaration: one
 *       role between them, or the task is refused ({@code holder-unclear});</li>
 *   <li>else none: a task no model ever gave a holder (a group task a process owner added) is held as its candidate
 *       groups say, by the rules every user task has ({@link UserTaskEventListener}), as before holders were declared.</li>
 * </ol>
 * Only the public repository and model APIs are used; the engine caches the models.
 */
public final class ModelledHolder {

  private ModelledHolder() {
  }

  /** The role that holds {@code task}; a value naming no role is refused (409 {@code holder-unknown}). */
  public static Optional<Holder> of(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    return heldBy(element, task.getName(), task.getProcessEngineServices().getRepositoryService());
  }

  /**
   * The role that holds the user task {@code taskDefinitionKey} of the process definition {@code processDefinitionId},
   * e.g. of an open {@link org.camunda.bpm.engine.task.Task} from the {@code TaskService}, by the same rules as
   * {@link #of(DelegateTask)}; none where the model has no user task of that id. From a listener (custom code, which the
   * engine runs without authorization checks) it reads every model; outside the engine, as the caller may read them.
   */
  public static Optional<Holder> of(RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    ModelElementInstance element = model == null ? null : model.getModelElementById(taskDefinitionKey);
    if (!(element instanceof UserTask task)) {
      return Optional.empty();
    }
    return heldBy(task, task.getName(), repository);
  }

  /** The rules of the class' comment, for the user task {@code element} (null: its model is not at hand). */
  private static Optional<Holder> heldBy(UserTask element, String taskName, RepositoryService repository) {
    String process = processOf(element);
    Optional<Holder> declared = orRefused(element, process);
    if (declared.isPresent() || element == null) {
      return declared;
    }
    String taskId = element.getId();
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
        .orderByProcessDefinitionVersion().desc().list();
    Map<String, Holder> latestDeclarations = new LinkedHashMap<>();
    for (ProcessDefinition definition : definitions) {
      if (latestDeclarations.containsKey(definition.getKey())) {
        continue;
      }
      declaredIn(repository.getBpmnModelInstance(definition.getId()), taskId, definition.getKey())
          .ifPresent(holder -> latestDeclarations.put(definition.getKey(), holder));
    }
    if (latestDeclarations.containsKey(process)) {
      return Optional.of(latestDeclarations.get(process));
    }
    Set<Holder> roles = Set.copyOf(latestDeclarations.values());
    if (roles.size() > 1) {
      Set<String> named = new TreeSet<>();
      latestDeclarations.forEach((key, holder) -> named.add(key + ": " + holder.value()));
      throw RuleViolation.conflict("holder-unclear", "The user task '" + taskName + "' (" + taskId + ") of process " + process
          + " declares no " + Holder.PROPERTY + ", and the processes with a task of that id name different ones ("
          + String.join(", ", named) + "): nobody holds it until its model declares one.");
    }
    return roles.stream().findFirst();
  }

  private static Optional<Holder> declaredIn(BpmnModelInstance model, String taskId, String process) {
    if (model == null) {
      return Optional.empty();
    }
    ModelElementInstance element = model.getModelElementById(taskId);
    return element instanceof UserTask task ? orRefused(task, process) : Optional.empty();
  }

  private static Optional<Holder> orRefused(UserTask element, String process) {
    if (element == null) {
      return Optional.empty();
    }
    try {
      return Holder.of(element, "process " + process);
    } catch (RuleViolation unknown) {
      throw RuleViolation.conflict(unknown.rule(), unknown.getMessage() + " Nobody holds it until its model is corrected.");
    }
  }

  /** The id of the process an element is in, which is its process definition's key. */
  public static String processOf(ModelElementInstance element) {
    for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process process) {
        return process.getId();
      }
    }
    return "its process";
  }
}
