package org.microcredentials.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.microcredentials.sla.SlaPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part of the SLA report that cannot be settled: the assessor and reviewer tasks still open, and
 * those ended since the horizon of the tally of ended tasks ({@link Reports#slaBreaches}). The history
 * answers it by joining each such task with its assignee links, one index lookup per task: 4,000 at the
 * benchmark's scale, 400 ms a read under load. Instead:
 * <ul>
 * <li>the assignee links written before the horizon, of the tasks not ended before it, are kept here:
 * a link never changes once written (brought forward as the horizon moves, a minute at a time, and
 * loaded whole when the tally is made anew, once a day);</li>
 * <li>each read takes, in one snapshot, the open tasks from the engine's runtime table
 * ({@code ACT_RU_TASK}, which holds only them, so their assignee and due date are current), the tasks
 * ended since the horizon through the history's {@code END_TIME_} index, and the links written since
 * the horizon through its {@code TIMESTAMP_} index;</li>
 * <li>and counts them by the rule of {@link SlaPolicy}, in Java, as {@link Reports}' {@code TASKS_HELD} counts the
 * history by the same conditions in SQL. The benchmark and {@code ReportsRestIT} check that both give the same rows.</li>
 * </ul>
 */
final class UnsettledSlaTally {

  private final JdbcClient jdbc;
  private final TransactionTemplate snapshot;
  private final String slaTasks;
  private Instant horizon;
  private long generation;
  private Map<String, List<Link>> settledLinks;

  /** {@code slaTasks}: the task ids the SLA report watches, as a SQL list of literals. */
  UnsettledSlaTally(JdbcClient jdbc, PlatformTransactionManager transactions, String slaTasks) {
    this.jdbc = jdbc;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
    this.slaTasks = slaTasks;
  }

  /** A person given a task ({@code added}) or relieved of it, by whom and when. */
  private record Link(String person, boolean added, boolean removed, Instant at, String assigner) {
  }

  /** A task as it stands: who holds it now, when it is due, and when it ended ({@code null}: open). */
  private record Task(String id, String assignee, Instant due, Instant end) {
  }

  /**
   * Per person: the tasks held, those overdue in their hands, those escalated, of the tasks open at
   * {@code now} or ended since the horizon of {@code tally} (the tally of the tasks ended before it).
   */
  Map<String, long[]> count(SettledTally.Settled<?, ?> tally, Instant now) {
    Instant horizon = tally.horizon();
    Map<String, List<Link>> settled = settledLinks(horizon, tally.generation());
    return snapshot.execute(status -> {
      Map<String, List<Link>> recent = new HashMap<>();
      jdbc.sql("""
          select task_id_, user_id_, operation_type_, timestamp_, assigner_id_ from act_hi_identitylink
          where timestamp_ >= :horizon and type_ = 'assignee' and user_id_ is not null""")
          .param("horizon", Timestamp.from(horizon))
          .query((rs, row) -> recent.computeIfAbsent(rs.getString("task_id_"), absent -> new ArrayList<>())
              .add(link(rs)))
          .list();
      Map<String, long[]> people = new HashMap<>();
      jdbc.sql("""
          select id_, assignee_, due_date_, cast(null as timestamp) as end_time_ from act_ru_task
          where task_def_key_ in (%s) and due_date_ is not null
          union all
          select id_, assignee_, due_date_, end_time_ from act_hi_taskinst
          where end_time_ >= :horizon and task_def_key_ in (%s) and due_date_ is not null""".formatted(slaTasks, slaTasks))
          .param("horizon", Timestamp.from(horizon))
          .query((rs, row) -> new Task(rs.getString("id_"), rs.getString("assignee_"), instant(rs, "due_date_"),
              instant(rs, "end_time_")))
          .list()
          .forEach(task -> count(task, settled.get(task.id()), recent.get(task.id()), now, people));
      return people;
    });
  }

  /** One task's part: a person held it if any link names them; overdue and escalated as {@link SlaPolicy} says. */
  private static void count(Task task, List<Link> settled, List<Link> recent, Instant now, Map<String, long[]> people) {
    Map<String, long[]> held = new HashMap<>();
    for (List<Link> links : List.of(settled == null ? List.<Link>of() : settled, recent == null ? List.<Link>of() : recent)) {
      for (Link link : links) {
        long[] counts = held.computeIfAbsent(link.person(), absent -> new long[] {1, 0, 0});
        SlaPolicy.AssigneeChange change = new SlaPolicy.AssigneeChange(link.person(), link.added(), link.removed(),
            link.at(), link.assigner(), task.assignee(), task.due(), task.end());
        if (SlaPolicy.OVERDUE.test(change, now)) {
          counts[1] = 1;
        }
        if (SlaPolicy.ESCALATED.test(change, now)) {
          counts[2] = 1;
        }
      }
    }
    held.forEach((person, counts) -> people.merge(person, counts, SettledTally::sum));
  }

  /**
   * The links written before {@code horizon} of the tasks not ended before it: loaded whole when the
   * tally is made anew, otherwise brought forward as the horizon moves (the links written since the last
   * horizon added, the tasks ended since taken out: the tally counts them now).
   */
  private synchronized Map<String, List<Link>> settledLinks(Instant horizon, long generation) {
    if (settledLinks == null || generation != this.generation) {
      Map<String, List<Link>> links = new HashMap<>();
      linksWritten(null, horizon).forEach((task, taskLinks) -> links.put(task, List.copyOf(taskLinks)));
      settledLinks = Map.copyOf(links);
    } else if (horizon.isAfter(this.horizon)) {
      Map<String, List<Link>> links = new HashMap<>(settledLinks);
      jdbc.sql("select id_ from act_hi_taskinst where end_time_ >= :from and end_time_ < :to")
          .param("from", Timestamp.from(this.horizon)).param("to", Timestamp.from(horizon))
          .query(String.class).list().forEach(links::remove);
      linksWritten(this.horizon, horizon).forEach((task, taskLinks) -> links.merge(task, List.copyOf(taskLinks),
          (before, added) -> Stream.concat(before.stream(), added.stream()).toList()));
      settledLinks = Map.copyOf(links);
    }
    this.horizon = horizon;
    this.generation = generation;
    return settledLinks;
  }

  /** The assignee links written in [from, to) ({@code from} null: before {@code to}) of the SLA tasks not ended before {@code to}. */
  private Map<String, List<Link>> linksWritten(Instant from, Instant to) {
    Map<String, List<Link>> links = new HashMap<>();
    JdbcClient.StatementSpec query = jdbc.sql("""
        select l.task_id_, l.user_id_, l.operation_type_, l.timestamp_, l.assigner_id_
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        where l.type_ = 'assignee' and l.user_id_ is not null and l.timestamp_ < :to %s
          and t.task_def_key_ in (%s) and (t.end_time_ is null or t.end_time_ >= :to)""".formatted(
            from == null ? "" : "and l.timestamp_ >= :from", slaTasks))
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
