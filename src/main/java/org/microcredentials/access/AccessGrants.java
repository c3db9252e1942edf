package org.microcredentials.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.microcredentials.framework.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each group may do, kept in Camunda's authorizations ({@code camunda.bpm.authorization.enabled}).
 * Granted at every start, idempotently, on every profile: the groups are CONTRACT.md's.
 *
 * <p>Everything else comes with the work itself: Camunda grants a task's assignee and candidates
 * READ, READ_VARIABLE and TASK_WORK on that task; {@link ParticipantAccess} lets a candidate follow
 * their own application and hides a review from the people it must not reach.
 */
@Component
@Order(0)
class AccessGrants implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AccessGrants.class);

  /** The "All tasks" filter of Tasklist: each person sees in it the tasks they may read. */
  static final String ALL_TASKS_FILTER = "All tasks";

  record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final List<ProcessAccess> processes;

  AccessGrants(AuthorizationService authorizations, FilterService filters, List<ProcessAccess> processes) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.processes = processes;
  }

  /** The grants each group needs, and no more: the organisation's, then what each feature's processes need. */
  static List<Grant> grants(List<ProcessAccess> processes) {
    var readInstances = new Permission[] {Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE};
    var start = new Permission[] {Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE};
    List<Grant> grants = new ArrayList<>(List.of(
        // Every engineer: Tasklist, the people directory (names in Tasklist), starting what their groups may start.
        new Grant(Groups.ENGINEERS, APPLICATION, "tasklist", Permissions.ACCESS),
        new Grant(Groups.ENGINEERS, USER, "*", Permissions.READ),
        new Grant(Groups.ENGINEERS, GROUP, "*", Permissions.READ),
        new Grant(Groups.ENGINEERS, PROCESS_INSTANCE, "*", Permissions.CREATE),
        // The SEM team sees every application, with its evidence and scores, in Cockpit (read only).
        new Grant(Groups.SEM_TEAM, APPLICATION, "cockpit", Permissions.ACCESS)));
    for (ProcessAccess process : processes) {
      // Starting a process and reading its model (Tasklist's diagram tab); never its instances, unless granted below.
      process.starters().forEach(group -> grants.add(new Grant(group, PROCESS_DEFINITION, process.processKey(), start)));
      process.modelReaders().forEach(group -> grants.add(new Grant(group, PROCESS_DEFINITION, process.processKey(), Permissions.READ)));
      process.instanceReaders().forEach(group -> grants.add(new Grant(group, PROCESS_DEFINITION, process.processKey(), readInstances)));
    }
    return grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Resource resource : Resources.values()) {
      ensure(new Grant(Groups.ADMINISTRATORS, resource, "*", Permissions.ALL));
    }
    grants(processes).forEach(this::ensure);
    Filter allTasks = filters.createFilterQuery().filterName(ALL_TASKS_FILTER).singleResult();
    if (allTasks != null) {
      ensure(new Grant(Groups.ENGINEERS, FILTER, allTasks.getId(), Permissions.READ));
    } else {
      LOG.warn("No Tasklist filter '{}': engineers will have to create their own.", ALL_TASKS_FILTER);
    }
  }

  /** Adds the grant's permissions to the group's grant on that resource, creating it if needed. */
  void ensure(Grant grant) {
    try {
      save(grant);
    } catch (RuntimeException raced) {
      // Another node of a cluster created it between our read and our write: add to theirs.
      save(grant);
    }
  }

  private void save(Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    grant.permissions().forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
  }
}
