package org.microcredentials.access;

import java.util.List;

/**
 * What one process of a feature needs from Camunda's authorizations, declared by the feature as a
 * bean and granted by {@link AccessGrants} at every start: which groups start it, which read its
 * model (Tasklist's diagram tab), and which read every instance with its variables and history
 * (the SEM team in Cockpit). Access knows no feature; each feature says what it needs.
 */
public record ProcessAccess(String processKey, List<String> starters, List<String> modelReaders,
    List<String> instanceReaders) {

  public ProcessAccess {
    starters = List.copyOf(starters);
    modelReaders = List.copyOf(modelReaders);
    instanceReaders = List.copyOf(instanceReaders);
  }

  /** A process nobody is granted anything on yet. */
  public static ProcessAccess of(String processKey) {
    return new ProcessAccess(processKey, List.of(), List.of(), List.of());
  }

  public ProcessAccess startedBy(String... groupIds) {
    return new ProcessAccess(processKey, List.of(groupIds), modelReaders, instanceReaders);
  }

  public ProcessAccess modelReadBy(String... groupIds) {
    return new ProcessAccess(processKey, starters, List.of(groupIds), instanceReaders);
  }

  public ProcessAccess instancesReadBy(String... groupIds) {
    return new ProcessAccess(processKey, starters, modelReaders, List.of(groupIds));
  }
}
