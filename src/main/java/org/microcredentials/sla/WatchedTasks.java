package org.microcredentials.sla;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.microcredentials.process.AsTheApplication;
import org.springframework.stereotype.Component;

/**
 * The ids of the tasks the SLA report watches, as the deployed models say: each user task, of every version of every
 * process, whose declared holder is a role of {@link SlaPolicy#WATCHED_ROLES} ({@link SlaPolicy#watchedTasksOf}).
 *
 * <p>Asked on every query of the report, not once at startup: a process owner deploys a model while the application
 * runs, on any node of a cluster, and a refresh on deployment would be told on that node only. The process
 * definitions (one row a version) are read each time, which every node sees alike; a definition's model never changes
 * once deployed, so its watched tasks are kept by its id and its model (from the engine's cache) is read once.
 *
 * <p>A task is watched by its id, in whichever process it runs, as the report's history is selected. A version of an
 * earlier release that declares no holder adds no id: its tasks are held as their ids are declared in later versions
 * ({@code ModelledHolder}), and those declarations are read here too.
 */
@Component
public class WatchedTasks {

  private final RepositoryService repository;
  private final IdentityService identity;
  private final Map<String, Set<String>> watchedByDefinition = new ConcurrentHashMap<>();

  WatchedTasks(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  /** The ids of the watched tasks of the models deployed now, in order. */
  public List<String> ids() {
    // The same for everyone who reads the report, whose grants need not include reading the models.
    return AsTheApplication.call(identity, () -> {
      Set<String> watched = new TreeSet<>();
      Set<String> deployed = new HashSet<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
        deployed.add(definition.getId());
        watched.addAll(watchedByDefinition.computeIfAbsent(definition.getId(),
            id -> SlaPolicy.watchedTasksOf(repository.getBpmnModelInstance(id))));
      }
      watchedByDefinition.keySet().retainAll(deployed);
      return List.copyOf(watched);
    });
  }
}
