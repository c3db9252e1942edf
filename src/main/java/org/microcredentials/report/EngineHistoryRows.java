package org.microcredentials.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.sla.SlaPolicy;
import org.microcredentials.sla.WatchedTasks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place that reads Camunda's tables ({@code ACT_HI_TASKINST}, {@code ACT_HI_IDENTITYLINK},
 * {@code ACT_HI_PROCINST}, {@code ACT_HI_VARINST}, {@code ACT_RU_TASK}) with SQL, for the SLA report. Why not the
 * engine's public query API ({@code HistoryService}): the report counts, per person, every assignee link of every
 * assessor and reviewer task (370,000 tasks at the benchmark's scale), joined with our applications and endorsements
 * for the skill and counted by the rule of {@link SlaPolicy}; the query API would hand every link and task to Java
 * one object at a time, a query per task for its links, where the database groups them in one set-based statement.
 * Only columns the engine has kept for many releases are read; a Camunda upgrade checks this class first.
 */
final class EngineHistoryRows {

  /**
   * The skill of a promotion's review round {@code p}, as the variable {@code v}: its business key is the
   * promotion's, shared by every skill, so the skill is the one the round was called for (its
   * {@code skillCode}, set by the call, at the instance's own scope).
   */
  private static final String PROMOTION_ROUND_SKILL = """
      v.proc_inst_id_ = p.id_ and v.execution_id_ = p.id_ and v.name_ = '%s' and p.business_key_ like '%s%%'"""
      .formatted(CredentialVariables.SKILL_CODE.name(), ApplicationRegister.PROMOTION_PREFIX);

  /** The skill of the application, endorsement or promotion round a task {@code t} was for, through {@link #SKILL_JOINS}. */
  private static final String TASK_SKILL = "coalesce(a.skill_code, n.skill_code, v.text_)";
  private static final String SKILL_JOINS = """
      left join act_hi_procinst p on p.id_ = t.proc_inst_id_
      left join application a on a.business_key = p.business_key_
      left join endorsement n on n.business_key = p.business_key_
      left join act_hi_varinst v on %s""".formatted(PROMOTION_ROUND_SKILL);

  /** The facts of {@link SlaPolicy.AssigneeChange} in the history: assignee link {@code l} of task {@code t}. */
  private static final SlaPolicy.Columns ASSIGNEE_HISTORY = new SlaPolicy.Columns("l.user_id_", "l.operation_type_",
      "l.timestamp_", "l.assigner_id_", "t.assignee_", "t.due_date_", "t.end_time_", ":now");

  /** Per person: tasks held, overdue in their hands, escalated, by the conditions of {@link SlaPolicy}. */
  private static final String TASKS_HELD = """
      count(distinct t.id_) as tasks,
      count(distinct case when %s then t.id_ end) as overdue,
      count(distinct case when %s then t.id_ end) as escalated""".formatted(
      SlaPolicy.OVERDUE.sql(ASSIGNEE_HISTORY), SlaPolicy.ESCALATED.sql(ASSIGNEE_HISTORY));

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final WatchedTasks watchedTasks;

  /**
   * {@code watchedTasks} are asked on each query (bound as {@code :watchedTasks}, for {@code task_def_key_ in (...)}):
   * a model deployed while the application runs is watched from the next query on.
   */
  EngineHistoryRows(JdbcClient jdbc, ZoneId zone, WatchedTasks watchedTasks) {
    this.jdbc = jdbc;
    this.zone = zone;
    this.watchedTasks = watchedTasks;
  }

  /** Who held a task (an assessor or reviewer) and the skill of the application or endorsement it was for. */
  record TaskHolder(String person, String skillCode) {
  }

  /** A person given a task ({@code added}) or relieved of it, by whom and when. */
  record Link(String person, boolean added, boolean removed, Instant at, String assigner) {
  }

  /** A task as it stands: who holds it now, when it is due, and when it ended ({@code null}: open). */
  record Task(String id, String assignee, Instant due, Instant end) {
  }

  /**
   * The SLA report's partial aggregates, its one SQL text: per person and skill, the tasks held ({@link SlaPolicy}'s
   * watched tasks with a due date, as its assignee at some moment), those overdue in their hands and those
   * escalated at {@code now}, of the tasks the filter selects (started in its period, of its skill, held by its team)
   * that ended in [endedFrom, endedTo); with {@code endedTo} open, also those still open. Without a skill filter and
   * without {@code bySkill} per person only (skill null): the skill's joins are left out.
   */
  Map<TaskHolder, long[]> tasksHeld(ReportFilter filter, Instant endedFrom, Instant endedTo, Instant now,
      boolean bySkill) {
    List<String> watched = watchedTasks.ids();
    if (watched.isEmpty()) {
      return Map.of();
    }
    boolean skillRead = bySkill || filter.skillCode() != null;
    String skill = skillRead ? TASK_SKILL : "cast(null as varchar(16))";
    ReportConditions held = new ReportConditions(filter, null);
    List<String> where = new ArrayList<>(List.of("l.type_ = 'assignee'", "l.user_id_ is not null",
        "t.due_date_ is not null", "t.task_def_key_ in (:watchedTasks)"));
    held.bind("watchedTasks", watched);
    held.bind("now", Timestamp.from(now));
    if (filter.from() != null) {
      where.add("t.start_time_ >= :startTimestamp");
      held.bind("startTimestamp", Timestamp.from(filter.start(zone).toInstant()));
    }
    if (filter.to() != null) {
      where.add("t.start_time_ < :endTimestamp");
      held.bind("endTimestamp", Timestamp.from(filter.end(zone).toInstant()));
    }
    if (filter.skillCode() != null) {
      where.add(TASK_SKILL + " = :skill");
      held.bind("skill", filter.skillCode());
    }
    if (filter.team() != null) {
      where.add("l.user_id_ in (select user_id from team)");
    }
    if (endedFrom != null) {
      held.bind("endedFrom", Timestamp.from(endedFrom));
    }
    if (endedTo != null) {
      where.add("t.end_time_ < :endedBefore");
      held.bind("endedBefore", Timestamp.from(endedTo));
      if (endedFrom != null) {
        where.add("t.end_time_ >= :endedFrom");
      }
    } else if (endedFrom != null) {
      where.add("(t.end_time_ is null or t.end_time_ >= :endedFrom)");
    }
    String sql = held.with() + """
        select l.user_id_ as person, %s as skill_code, %s
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        %s
        where %s
        group by l.user_id_%s""".formatted(skill, TASKS_HELD, skillRead ? SKILL_JOINS : "",
        String.join("\n  and ", where), skillRead ? ", " + skill : "");
    Map<TaskHolder, long[]> counts = new HashMap<>();
    held.query(jdbc, sql, (rs, row) -> counts.merge(new TaskHolder(rs.getString("person"), rs.getString("skill_code")),
        new long[] {rs.getLong("tasks"), rs.getLong("overdue"), rs.getLong("escalated")}, SettledTally::sum));
    return counts;
  }

  /** The assignee links written since {@code horizon}, per task (through the history's {@code TIMESTAMP_} index). */
  Map<String, List<Link>> linksWrittenSince(Instant horizon) {
    Map<String, List<Link>> links = new HashMap<>();
    jdbc.sql("""
        select task_id_, user_id_, operation_type_, timestamp_, assigner_id_ from act_hi_identitylink
        where timestamp_ >= :horizon and type_ = 'assignee' and user_id_ is not null""")
        .param("horizon", Timestamp.from(horizon))
        .query((rs, row) -> links.computeIfAbsent(rs.getString("task_id_"), absent -> new ArrayList<>()).add(link(rs)))
        .list();
    return links;
  }

  /**
   * The watched tasks with a due date still open (the runtime table, which holds only them: their assignee and
   * due date are current) and those ended since {@code horizon} (through the history's {@code END_TIME_} index).
   */
  void openOrEndedSince(Instant horizon, Consumer<Task> task) {
    List<String> watched = watchedTasks.ids();
    if (watched.isEmpty()) {
      return;
    }
    jdbc.sql("""
        select id_, assignee_, due_date_, cast(null as timestamp) as end_time_ from act_ru_task
        where task_def_key_ in (:watchedTasks) and due_date_ is not null
        union all
        select id_, assignee_, due_date_, end_time_ from act_hi_taskinst
        where end_time_ >= :horizon and task_def_key_ in (:watchedTasks) and due_date_ is not null""")
        .param("watchedTasks", watched)
        .param("horizon", Timestamp.from(horizon))
        .query((rs, row) -> new Task(rs.getString("id_"), rs.getString("assignee_"), instant(rs, "due_date_"),
            instant(rs, "end_time_")))
        .list()
        .forEach(task);
  }

  /** The ids of the tasks ended in [from, to). */
  List<String> tasksEnded(Instant from, Instant to) {
    return jdbc.sql("select id_ from act_hi_taskinst where end_time_ >= :from and end_time_ < :to")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(String.class).list();
  }

  /** The assignee links written in [from, to) ({@code from} null: before {@code to}) of the watched tasks not ended before {@code to}. */
  Map<String, List<Link>> linksWritten(Instant from, Instant to) {
    Map<String, List<Link>> links = new HashMap<>();
    List<String> watched = watchedTasks.ids();
    if (watched.isEmpty()) {
      return links;
    }
    JdbcClient.StatementSpec query = jdbc.sql("""
        select l.task_id_, l.user_id_, l.operation_type_, l.timestamp_, l.assigner_id_
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        where l.type_ = 'assignee' and l.user_id_ is not null and l.timestamp_ < :to %s
          and t.task_def_key_ in (:watchedTasks) and (t.end_time_ is null or t.end_time_ >= :to)""".formatted(
            from == null ? "" : "and l.timestamp_ >= :from"))
        .param("watchedTasks", watched)
        .param("to", Timestamp.from(to));
    if (from != null) {
      query = query.param("from", Timestamp.from(from));
    }
    query.query((rs, row) -> links.computeIfAbsent(rs.getString("task_id_"), absent -> new ArrayList<>()).add(link(rs)))
        .list();
    return links;
  }

  private static Link link(ResultSet rs) throws SQLException {
    String operation = rs.getString("operation_type_");
    return new Link(rs.getString("user_id_"), "add".equals(operation), "delete".equals(operation),
        instant(rs, "timestamp_"), rs.getString("assigner_id_"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
