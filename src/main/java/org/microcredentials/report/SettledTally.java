package org.microcredentials.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts of facts that never change once their moment has passed (a credential issued or revoked,
 * a task ended), grouped by what a report adds up: counted once for the settled past
 * ({@link SettledHorizon}) on the first read after start, extended by each day that settles; a report
 * adds to them the counts after the horizon, which it counts on every read. So a report
 * over a million credentials adds up a few thousand counts instead of grouping every row again.
 * The database does the counting ({@link Counter} is one grouped query); the counts arrays are never
 * changed once made.
 *
 * @param <K> what the counts are grouped by
 */
final class SettledTally<K> {

  /** The counts per group of the facts whose moment lies in [from, to); {@code null} leaves that end open. */
  interface Counter<K> {
    Map<K, long[]> count(Instant from, Instant to);
  }

  private final SettledHorizon horizons;
  private final Counter<K> counter;
  private Map<K, long[]> settled;
  private Instant horizon;

  SettledTally(Clock clock, ZoneId zone, Counter<K> counter) {
    this.horizons = new SettledHorizon(clock, zone);
    this.counter = counter;
  }

  /** The settled counts, brought up to today's horizon. */
  synchronized Settled<K> settled() {
    bringUpToDate();
    return new Settled<>(settled, horizon);
  }

  /** Counts of the facts before {@code horizon}: never changed once made. */
  record Settled<K>(Map<K, long[]> counts, Instant horizon) {
  }

  private void bringUpToDate() {
    SettledHorizon.Step step = horizons.next();
    if (settled == null || step.clockMovedBack()) {
      settled = Map.copyOf(counter.count(null, step.horizon()));
      horizon = step.horizon();
    } else if (step.horizon().isAfter(horizon)) {
      Map<K, long[]> extended = new HashMap<>(settled);
      counter.count(horizon, step.horizon()).forEach((key, counts) -> extended.merge(key, counts, SettledTally::sum));
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
}
