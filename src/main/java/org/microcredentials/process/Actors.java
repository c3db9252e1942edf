package org.microcredentials.process;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Who acts: always the authenticated user, from Tasklist's session or HTTP Basic on the REST
 * API, never a name the request carries.
 */
@Component
public class Actors {

  /** Camunda's administrators group: the one group whose members may do what no rule of ours allows others. */
  public static final String ADMINISTRATORS = "camunda-admin";

  /** Transient variable through which a completed task hands its assignee to the end listener. */
  static final String TASK_ASSIGNEE = "taskAssignee";

  private final IdentityService identity;

  Actors(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<String> currentUser() {
    // IdentityService is the engine's public API for "who acts"; its return type is the one
    // engine class we touch, never by name.
    return Optional.ofNullable(identity.getCurrentAuthentication()).map(authentication -> authentication.getUserId());
  }

  public String requireCurrentUser(String action) {
    return currentUser().orElseThrow(() -> RuleViolation.forbidden("authenticated-actor",
        "Only an authenticated person may " + action + "."));
  }

  /** The authenticated user, who must be an administrator (group {@code camunda-admin}). */
  public String requireAdministrator(String action) {
    String user = requireCurrentUser(action);
    if (!isMember(user, ADMINISTRATORS)) {
      throw RuleViolation.forbidden("administrators-only", "Only an administrator may " + action + ".");
    }
    return user;
  }

  /**
   * Whether the person the engine authenticated for this call (Tasklist's session, HTTP Basic, or
   * a test acting as someone) is an administrator: the one place this is decided.
   */
  public static boolean administratorActs(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(ADMINISTRATORS);
  }

  public boolean isMember(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /**
   * The person completing a user task, as seen from the task's end listener: the authenticated
   * user, who must be the assignee when the task has one.
   */
  public String completingUser(DelegateExecution execution, String taskName) {
    String actor = requireCurrentUser("complete '" + taskName + "'");
    Object assignee = execution.getVariableLocal(TASK_ASSIGNEE);
    if (assignee != null && !assignee.equals(actor)) {
      throw RuleViolation.forbidden("assignee-completes",
          "'" + taskName + "' is claimed by " + assignee + "; only they may complete it.");
    }
    return actor;
  }

  /** Task listener on {@code complete}: hands the assignee to the end listener, where rules are checked. */
  public void recordAssignee(DelegateTask task) {
    task.getExecution().setVariableLocal(TASK_ASSIGNEE, Variables.stringValue(task.getAssignee(), true));
  }
}
