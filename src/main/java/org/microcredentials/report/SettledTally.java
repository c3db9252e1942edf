package org.microcredentials.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Tallies of facts that never change once their moment has passed (a credential issued or revoked,
 * a task ended, an application decided), grouped by what a report adds up: tallied once for the settled
 * past ({@link TallyCutoff}) on the first read after start, extended as the horizon moves; a report
 * adds to them the same report's query over what came after the horizon, on every read ({@link TalliedReport},
 * {@link SlaBreachesReport}). So a report over a million credentials adds up a few thousand counts instead of
 * grouping every row again. The database does the counting ({@link Counter} is the report's grouped query,
 * {@link ReportDefinition#partials}); the values are never changed once made.
 *
 * @param <K> what the facts are grouped by
 * @param <V> what is tallied per group: counts (added up with {@link #sum}), or the durations a percentile needs
 */
final class SettledTally<K, V> {

  /** The tally per group of the facts whose moment lies in [from, to); {@code null} leaves that end open. */
  interface Counter<K, V> {
    Map<K, V> count(Instant from, Instant to);
  }

  private final TallyCutoff horizons;
  private final Counter<K, V> counter;
  private final BinaryOperator<V> merge;
  private Map<K, V> settled;
  private Instant horizon;
  private long generation;

  /** {@code merge} adds two tallies of one group into a new value (it changes neither). */
  SettledTally(TallyCutoff horizons, Counter<K, V> counter, BinaryOperator<V> merge) {
    this.horizons = horizons;
    this.counter = counter;
    this.merge = merge;
  }

  /** A tally a day at a time ({@link TallyCutoff#daily}). */
  SettledTally(Clock clock, ZoneId zone, Counter<K, V> counter, BinaryOperator<V> merge) {
    this(TallyCutoff.daily(clock, zone), counter, merge);
  }

  /** The settled tally, brought up to the present horizon. */
  synchronized Settled<K, V> settled() {
    bringUpToDate();
    return new Settled<>(settled, horizon, generation);
  }

  /**
   * The tally of the facts before {@code horizon}: never changed once made. {@code generation} counts
   * the times it was made anew, not extended (what keeps its own state beside it makes that anew too).
   */
  record Settled<K, V>(Map<K, V> counts, Instant horizon, long generation) {
  }

  private void bringUpToDate() {
    TallyCutoff.Step step = horizons.next();
    if (settled == null || step.anew()) {
      settled = Map.copyOf(counter.count(null, step.horizon()));
      horizon = step.horizon();
      generation++;
    } else if (step.horizon().isAfter(horizon)) {
      Map<K, V> extended = new HashMap<>(settled);
      counter.count(horizon, step.horizon()).forEach((key, value) -> extended.merge(key, value, merge));
      settled = Map.copyOf(extended);
      horizon = step.horizon();
    }
  }

  static long[] sum(long[] counts, long[] more) {
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += more[i];
    }
    return sum;
  }

  static double[] concat(double[] values, double[] more) {
    double[] all = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }
}
