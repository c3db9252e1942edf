package org.microcredentials.sla;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.process.Holder;

/**
 * When a person let a task run late, and when it was taken from them: the rule of the SLA report, said
 * once. A task is due when the model says ({@code ${sla.dueDate()}}, {@link ServiceLevels}); for each
 * person given or relieved of a watched task (one its model gives to a role of {@link #WATCHED_ROLES};
 * Camunda's history of assignees, so work handed on counts for both):
 * <ul>
 * <li><b>overdue in their hands</b>: they were given it by the due date and it is still theirs, and
 * it ended after the due date or is open now past it; or they were relieved of it after the due date.
 * Someone handed a task already late is not blamed for it;</li>
 * <li><b>escalated</b>: they were relieved of it after the due date by someone else (the SEM team's
 * reassignment, the escalation's last step), not by unclaiming it themselves.</li>
 * </ul>
 * Each condition is written once and answers twice: in Java ({@link Condition#test}, for the tasks
 * still open) and as SQL ({@link Condition#sql}, for the history the reports query), so the two can
 * never disagree on the rule, only on the rows they read.
 */
public final class SlaPolicy {

  /**
   * The roles whose tasks' deadlines the SLA report watches (docs/contract.md: per assessor or reviewer). Which tasks
   * those are, the models say: each user task that declares one of these holders ({@link #watchedTasksOf}), so a task
   * a process owner adds for an assessor in Modeler is watched without a change here ({@link WatchedTasks}).
   */
  public static final Set<Holder> WATCHED_ROLES = Collections.unmodifiableSet(
      EnumSet.of(Holder.ASSESSOR, Holder.PEER_REVIEWER, Holder.ENDORSEMENT_REVIEWER));

  /**
   * The ids of the user tasks of {@code model} whose declared holder is a watched role. A declaration that names no
   * role (a deployment accepted before such models were refused) watches nothing.
   */
  public static Set<String> watchedTasksOf(BpmnModelInstance model) {
    Set<String> watched = new TreeSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Holder.declaredOn(task).flatMap(Holder::named).filter(WATCHED_ROLES::contains)
          .ifPresent(holder -> watched.add(task.getId()));
    }
    return watched;
  }

  /**
   * One change of a watched task's assignee and the task it changed.
   *
   * @param person who was given the task or relieved of it
   * @param at when (null: not recorded, which counts for nothing)
   * @param byWhom who made the change (null: the engine, or not recorded)
   * @param assigneeNow who holds the task now, or held it when it ended
   * @param ended when the task ended, null while it is open
   */
  public record AssigneeChange(String person, boolean given, boolean relieved, Instant at, String byWhom,
      String assigneeNow, Instant due, Instant ended) {
  }

  /** The SQL expressions (columns or parameters) that hold each fact of an {@link AssigneeChange}, and the moment now. */
  public record Columns(String person, String operation, String at, String byWhom, String assigneeNow, String due,
      String ended, String now) {
  }

  /** A condition on an {@link AssigneeChange}, in Java and in SQL. */
  public static final class Condition {

    private final Function<Columns, String> sql;
    private final BiPredicate<AssigneeChange, Instant> test;

    private Condition(Function<Columns, String> sql, BiPredicate<AssigneeChange, Instant> test) {
      this.sql = sql;
      this.test = test;
    }

    public boolean test(AssigneeChange change, Instant now) {
      return test.test(change, now);
    }

    /** The condition as a SQL boolean expression over {@code columns}; a null fact makes it false, as in Java. */
    public String sql(Columns columns) {
      return sql.apply(columns);
    }

    private static Condition allOf(Condition... parts) {
      return new Condition(columns -> joined(parts, " and ", columns), (change, now) -> {
        for (Condition part : parts) {
          if (!part.test(change, now)) {
            return false;
          }
        }
        return true;
      });
    }

    private static Condition anyOf(Condition... parts) {
      return new Condition(columns -> joined(parts, " or ", columns), (change, now) -> {
        for (Condition part : parts) {
          if (part.test(change, now)) {
            return true;
          }
        }
        return false;
      });
    }

    private static String joined(Condition[] parts, String operator, Columns columns) {
      return Arrays.stream(parts).map(part -> part.sql(columns)).collect(Collectors.joining(operator, "(", ")"));
    }
  }

  private static final Condition GIVEN = new Condition(columns -> columns.operation() + " = 'add'",
      (change, now) -> change.given());
  private static final Condition RELIEVED = new Condition(columns -> columns.operation() + " = 'delete'",
      (change, now) -> change.relieved());
  private static final Condition STILL_THEIRS = new Condition(columns -> columns.assigneeNow() + " = " + columns.person(),
      (change, now) -> change.person().equals(change.assigneeNow()));
  private static final Condition CHANGED_BY_DUE = new Condition(columns -> columns.at() + " <= " + columns.due(),
      (change, now) -> change.at() != null && change.due() != null && !change.at().isAfter(change.due()));
  private static final Condition CHANGED_AFTER_DUE = new Condition(columns -> columns.at() + " > " + columns.due(),
      (change, now) -> change.at() != null && change.due() != null && change.at().isAfter(change.due()));
  private static final Condition RAN_PAST_DUE = new Condition(
      columns -> "coalesce(" + columns.ended() + ", " + columns.now() + ") > " + columns.due(),
      (change, now) -> change.due() != null && (change.ended() == null ? now : change.ended()).isAfter(change.due()));
  private static final Condition BY_SOMEONE_ELSE = new Condition(
      columns -> "(" + columns.byWhom() + " is null or " + columns.byWhom() + " <> " + columns.person() + ")",
      (change, now) -> !change.person().equals(change.byWhom()));

  /** Relieved of the task after its due date (by anyone). */
  private static final Condition RELIEVED_LATE = Condition.allOf(RELIEVED, CHANGED_AFTER_DUE);

  /** The task ran late in this person's hands. */
  public static final Condition OVERDUE = Condition.anyOf(
      Condition.allOf(GIVEN, STILL_THEIRS, CHANGED_BY_DUE, RAN_PAST_DUE), RELIEVED_LATE);

  /** The task was taken from this person after its due date. */
  public static final Condition ESCALATED = Condition.allOf(RELIEVED_LATE, BY_SOMEONE_ELSE);

  private SlaPolicy() {
  }
}
