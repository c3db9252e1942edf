package org.microcredentials.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Authorizations that belong to one application: who may follow it, and from whom a task is hidden.
 * Written in the transaction that starts the instance or creates the task, so a refused start
 * leaves none behind; Camunda removes a task's authorizations with the task and an instance's with
 * the instance.
 */
@Component("participantAccess")
public class ParticipantAccess {

  /** What a hidden task no longer lets the person do: see it, read its variables, work on it. */
  public static final List<Permission> HIDDEN = List.of(Permissions.READ, TaskPermissions.READ_VARIABLE,
      TaskPermissions.TASK_WORK, TaskPermissions.UPDATE);

  private final AuthorizationService authorizations;

  ParticipantAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /**
   * The person may see the running instance (its state, activity and business key; {@code GET
   * /engine-rest/process-instance}), not its variables: scores reach a candidate when the
   * assessor communicates them, and the evidence through their own tasks. No grant on its
   * history: Camunda's READ on a historic instance also shows its historic variables.
   */
  public void letFollow(DelegateExecution execution, String userId) {
    Authorization follow = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    follow.setUserId(userId);
    follow.setResource(Resources.PROCESS_INSTANCE);
    follow.setResourceId(execution.getProcessInstanceId());
    follow.addPermission(ProcessInstancePermissions.READ);
    authorizations.saveAuthorization(follow);
  }

  /**
   * The task is invisible to these people even when a group they belong to may work on it: a
   * candidate never sees the peer review of their own application, nor an endorser the review of
   * their endorsement. (The rules still refuse them if they try by id.)
   */
  public void hideFrom(DelegateTask task, Collection<String> userIds) {
    userIds.stream().filter(Objects::nonNull).distinct().forEach(userId -> {
      Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
      revoke.setUserId(userId);
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(task.getId());
      HIDDEN.forEach(revoke::removePermission);
      authorizations.saveAuthorization(revoke);
    });
  }

  /**
   * The person no longer works on the task (the SEM team gave it to someone else): the grant
   * Camunda gave them as its assignee goes, so they neither see nor touch it any more.
   */
  public void withdraw(String userId, String taskId) {
    if (userId == null) {
      return;
    }
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).userIdIn(userId)
        .resourceType(Resources.TASK).resourceId(taskId).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }
}
