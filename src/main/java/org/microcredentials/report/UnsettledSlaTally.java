package org.microcredentials.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.microcredentials.report.EngineHistoryRows.Link;
import org.microcredentials.report.EngineHistoryRows.Task;
import org.microcredentials.sla.SlaPolicy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part of the SLA report that cannot be settled: the assessor and reviewer tasks still open, and
 * those ended since the horizon of the tally of ended tasks ({@link SlaBreachesReport}). The history
 * answers it by joining each such task with its assignee links, one index lookup per task: 4,000 at the
 * benchmark's scale, 400 ms a read under load. Instead:
 * <ul>
 * <li>the assignee links written before the horizon, of the tasks not ended before it, are kept here:
 * a link never changes once written (brought forward as the horizon moves, a minute at a time, and
 * loaded whole when the tally is made anew, once a day);</li>
 * <li>each read takes, in one snapshot, the open tasks, those ended since the horizon and the links written
 * since it ({@link EngineHistoryRows}, which says how it reads them);</li>
 * <li>and counts them by the rule of {@link SlaPolicy}, in Java, as {@link EngineHistoryRows#tasksHeld} counts the
 * history by the same conditions in SQL. The benchmark and {@code ReportsRestIT} check that both give the same rows.</li>
 * </ul>
 */
final class UnsettledSlaTally {

  private final EngineHistoryRows history;
  private final TransactionTemplate snapshot;
  private Instant horizon;
  private long generation;
  private Map<String, List<Link>> settledLinks;

  UnsettledSlaTally(EngineHistoryRows history, PlatformTransactionManager transactions) {
    this.history = history;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  /**
   * Per person: the tasks held, those overdue in their hands, those escalated, of the tasks open at
   * {@code now} or ended since the horizon of {@code tally} (the tally of the tasks ended before it).
   */
  Map<String, long[]> count(SettledTally.Settled<?, ?> tally, Instant now) {
    Instant horizon = tally.horizon();
    Map<String, List<Link>> settled = settledLinks(horizon, tally.generation());
    return snapshot.execute(status -> {
      Map<String, List<Link>> recent = history.linksWrittenSince(horizon);
      Map<String, long[]> people = new HashMap<>();
      history.openOrEndedSince(horizon, task -> count(task, settled.get(task.id()), recent.get(task.id()), now, people));
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
      history.linksWritten(null, horizon).forEach((task, taskLinks) -> links.put(task, List.copyOf(taskLinks)));
      settledLinks = Map.copyOf(links);
    } else if (horizon.isAfter(this.horizon)) {
      Map<String, List<Link>> links = new HashMap<>(settledLinks);
      history.tasksEnded(this.horizon, horizon).forEach(links::remove);
      history.linksWritten(this.horizon, horizon).forEach((task, taskLinks) -> links.merge(task, List.copyOf(taskLinks),
          (before, added) -> Stream.concat(before.stream(), added.stream()).toList()));
      settledLinks = Map.copyOf(links);
    }
    this.horizon = horizon;
    this.generation = generation;
    return settledLinks;
  }
}
