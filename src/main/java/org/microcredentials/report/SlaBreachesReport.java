package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.row;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.microcredentials.report.EngineHistoryRows.TaskHolder;
import org.microcredentials.sla.SlaPolicy;
import org.microcredentials.sla.WatchedTasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code sla-breaches}: per person who held an assessor or reviewer task (Camunda's history of assignees, so work
 * handed on counts for both), the tasks held, those overdue in their hands, and those escalated (the rule:
 * {@link SlaPolicy}). Its partial aggregates, per person and skill, are {@link EngineHistoryRows#tasksHeld}, its one
 * SQL text; {@link #rows} shapes them. Two forms:
 * <ul>
 * <li>{@link #queried}: the partial aggregates of every task the filter selects (for a period, and what the tally
 * must agree with);</li>
 * <li>{@link #tallied}, over the whole period: the same partial aggregates of the tasks ended before a horizon a few
 * minutes ago ({@link SettledTally}, {@link TallyCutoff#byMinute}), with the tasks still open or ended since
 * ({@link UnsettledSlaTally}; for one skill, the same partial aggregates of those); a team keeps its members' counts
 * (the tally is per person).</li>
 * </ul>
 */
final class SlaBreachesReport {

  static final List<String> COLUMNS = List.of("person", "name", "tasks", "overdue", "escalated");

  private final JdbcClient jdbc;
  private final TeamMemberships teams;
  private final Clock clock;
  private final EngineHistoryRows history;
  private final SettledTally<TaskHolder, long[]> settled;
  private final UnsettledSlaTally unsettled;

  SlaBreachesReport(JdbcClient jdbc, Clock clock, ZoneId zone, PlatformTransactionManager transactions,
      WatchedTasks watchedTasks, TeamMemberships teams) {
    this.jdbc = jdbc;
    this.teams = teams;
    this.clock = clock;
    this.history = new EngineHistoryRows(jdbc, zone, watchedTasks);
    // Its groups keep no dates, so it may settle up to a few minutes ago: what is read on every request
    // is then only the open tasks and those ended in the last minutes.
    this.settled = new SettledTally<>(TallyCutoff.byMinute(clock, zone),
        (from, to) -> history.tasksHeld(ReportFilter.none(), from, to, clock.instant(), true), SettledTally::sum);
    this.unsettled = new UnsettledSlaTally(history, transactions);
  }

  /** The report from its query over every task the filter selects. */
  List<Map<String, Object>> queried(ReportFilter filter) {
    Map<String, long[]> people = new TreeMap<>();
    history.tasksHeld(filter, null, null, clock.instant(), false)
        .forEach((holder, counts) -> people.merge(holder.person(), counts, SettledTally::sum));
    return rows(people);
  }

  /** The report from the tallies; for a filter without a period. */
  List<Map<String, Object>> tallied(ReportFilter filter) {
    Predicate<String> counted = filter.team() == null ? person -> true : teamOf(filter.team())::contains;
    Map<String, long[]> people = new TreeMap<>();
    SettledTally.Settled<TaskHolder, long[]> tally = settled.settled();
    tally.counts().forEach((holder, counts) -> {
      if ((filter.skillCode() == null || filter.skillCode().equals(holder.skillCode())) && counted.test(holder.person())) {
        people.merge(holder.person(), counts, SettledTally::sum);
      }
    });
    if (filter.skillCode() == null) {
      unsettled.count(tally, clock.instant()).forEach((person, counts) -> {
        if (counted.test(person)) {
          people.merge(person, counts, SettledTally::sum);
        }
      });
    } else {
      history.tasksHeld(filter, tally.horizon(), null, clock.instant(), true)
          .forEach((holder, counts) -> people.merge(holder.person(), counts, SettledTally::sum));
    }
    return rows(people);
  }

  /** The rows of the counts per person, in the order of their user ids. */
  private List<Map<String, Object>> rows(Map<String, long[]> people) {
    Map<String, String> names = ReportNames.displayNames(jdbc, people.keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    people.forEach((person, counts) -> rows.add(row("person", person, "name", names.get(person), "tasks", counts[0],
        "overdue", counts[1], "escalated", counts[2])));
    return rows;
  }

  /** Everyone below the line manager, at any depth (the team filter's rule, {@link TeamMembership#of}). */
  private Set<String> teamOf(String lineManager) {
    return new HashSet<>(teams.of(lineManager).members());
  }
}
