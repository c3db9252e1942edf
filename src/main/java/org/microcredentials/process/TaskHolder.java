package org.microcredentials.process;

import org.microcredentials.RuleViolation;

/**
 * The rule of the tasks that belong to one person the application names (its assessor, its candidate, the
 * endorser, the leader asked): nobody else holds or completes them. Who that person is comes from the
 * application's own record, never from a variable.
 */
public final class TaskHolder {

  private TaskHolder() {
  }

  /**
   * Refuses {@code person} a task that belongs to {@code holder}.
   *
   * @param rule the rule's name in the refusal (e.g. {@code assessor-assesses})
   * @param role the holder's role, as the refusal names it (e.g. "the assessor")
   */
  public static void require(String person, String holder, String rule, String role) {
    if (!person.equals(holder)) {
      throw RuleViolation.forbidden(rule, "This task belongs to " + role + " " + holder + "; " + person + " may not take it.");
    }
  }
}
