package org.microcredentials.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Resources.*;

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
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.framework.Groups;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
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

  AccessGrants(AuthorizationService authorizations, FilterService filters) {
    this.authorizations = authorizations;
    this.filters = filters;
  }

  /** The grants each group needs, and no more. */
  static List<Grant> grants() {
    var readApplications = new Permission[] {Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE};
    var start = new Permission[] {Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE};
    return List.of(
        // Every engineer: Tasklist, the people directory (names in Tasklist), self-submissions and endorsement requests.
        new Grant(Groups.ENGINEERS, APPLICATION, "tasklist", Permissions.ACCESS),
        new Grant(Groups.ENGINEERS, USER, "*", Permissions.READ),
        new Grant(Groups.ENGINEERS, GROUP, "*", Permissions.READ),
        new Grant(Groups.ENGINEERS, PROCESS_INSTANCE, "*", Permissions.CREATE),
        new Grant(Groups.ENGINEERS, PROCESS_DEFINITION, SelfSubmissionProcess.KEY, start),
        new Grant(Groups.ENGINEERS, PROCESS_DEFINITION, EndorsementRequestProcess.KEY, start),
        // The models themselves (Tasklist's diagram tab), never their instances.
        new Grant(Groups.ENGINEERS, PROCESS_DEFINITION, ResubmissionProcess.KEY, Permissions.READ),
        new Grant(Groups.ENGINEERS, PROCESS_DEFINITION, ReviewRoundProcess.KEY, Permissions.READ),
        new Grant(Groups.ENGINEERS, PROCESS_DEFINITION, EndorsementProcess.KEY, Permissions.READ),
        // Leaders endorse.
        new Grant(Groups.LEADERS, PROCESS_DEFINITION, EndorsementProcess.KEY, start),
        // The SEM team sees every application, with its evidence and scores, in Cockpit (read only).
        new Grant(Groups.SEM_TEAM, APPLICATION, "cockpit", Permissions.ACCESS),
        new Grant(Groups.SEM_TEAM, PROCESS_DEFINITION, SelfSubmissionProcess.KEY, readApplications),
        new Grant(Groups.SEM_TEAM, PROCESS_DEFINITION, ResubmissionProcess.KEY, readApplications),
        new Grant(Groups.SEM_TEAM, PROCESS_DEFINITION, ReviewRoundProcess.KEY, readApplications));
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Resource resource : Resources.values()) {
      ensure(new Grant(Groups.ADMINISTRATORS, resource, "*", Permissions.ALL));
    }
    grants().forEach(this::ensure);
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
