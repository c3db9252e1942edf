package org.microcredentials.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.microcredentials.report.ZonedSql.Grain;

/**
 * A report, defined once: its partial aggregates, one SQL text, and one shaping of them into the report's rows.
 * Both forms of a report derive from these two ({@link TalliedReport}): the full query is {@link #partials} over
 * every row for the filter, grouped as coarsely as the rows allow ({@link #grain}); the tallied form is the same
 * {@link #partials} per day of the settled past, kept, with the same over the recent days. A rule changes in one place.
 *
 * @param <K> a group of partial aggregates: the first day of its period, its skill, and the report's own keys
 * @param <V> the partial aggregates of a group: counts, or the durations a percentile needs (so it stays exact)
 */
interface ReportDefinition<K extends ReportDefinition.Group<K>, V> {

  /** A group of partial aggregates: the period it is the first day of, and its skill (what the filter may check in Java). */
  interface Group<K> {

    LocalDate day();

    String skillCode();

    /** The same group for another period (a coarser one: a day to its month). */
    K on(LocalDate day);
  }

  /**
   * Per period of {@code grain} and group, the partial aggregates of the facts recorded in [from, to) ({@code null}:
   * open; both open, every fact) that {@code filter} selects: its period (the report's moment), skill and team. The
   * team's members are {@code team}'s, as this read walked them, or with {@code team} null the query walks the team
   * itself ({@link ReportConditions}).
   */
  Map<K, V> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to, Grain grain);

  /** The coarsest grain the rows can be made from (a month for a monthly report). */
  Grain grain();

  /** Two partial aggregates of one group as one (a new value; it changes neither). */
  V merge(V partial, V more);

  /** The report's rows, in order, from its partial aggregates (any grain at least as fine as {@link #grain}). */
  List<Map<String, Object>> rows(Map<K, V> partials);

  /** A report whose partial aggregates are counts, merged by adding them up. */
  interface Counts<K extends Group<K>> extends ReportDefinition<K, long[]> {

    @Override
    default long[] merge(long[] partial, long[] more) {
      return SettledTally.sum(partial, more);
    }
  }
}
