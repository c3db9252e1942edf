package org.microcredentials.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where the settled past ends for a tally of facts that never change once their moment has passed
 * (a credential issued, a task ended), taken a margin before now, so that a transaction still in
 * flight is not settled before it commits:
 * <ul>
 * <li>{@link #daily}: the start of the organisation's day, ten minutes ago, for tallies kept per day
 * (their days are what the reports filter on);</li>
 * <li>{@link #byMinute}: the minute two minutes ago, for a tally that keeps no dates and whose recent
 * part is costly to read on every request (the SLA report's). Two minutes are far longer than any of
 * our transactions (the engine's and the registers' run in milliseconds to seconds); and so that a
 * transaction that ran longer still is not lost, the tally is made anew at the first step of each
 * organisation day.</li>
 * </ul>
 * A clock that moves back (tests set it; production's does not) unsettles everything: the tally is
 * then made anew.
 */
final class TallyCutoff {

  /** Far longer than any of our transactions, for the tallies a day at a time. */
  static final Duration IN_FLIGHT_MARGIN = Duration.ofMinutes(10);
  /** The margin of {@link #byMinute}. */
  static final Duration RECENT_MARGIN = Duration.ofMinutes(2);

  private final Clock clock;
  private final ZoneId zone;
  private final boolean byMinute;
  private Instant latestNow;
  private LocalDate latestDay;

  private TallyCutoff(Clock clock, ZoneId zone, boolean byMinute) {
    this.clock = clock;
    this.zone = zone;
    this.byMinute = byMinute;
  }

  static TallyCutoff daily(Clock clock, ZoneId zone) {
    return new TallyCutoff(clock, zone, false);
  }

  static TallyCutoff byMinute(Clock clock, ZoneId zone) {
    return new TallyCutoff(clock, zone, true);
  }

  /** Where the settled past ends now, and whether the tally must be made anew rather than extended. */
  record Step(Instant horizon, boolean anew) {
  }

  synchronized Step next() {
    Instant now = clock.instant();
    boolean movedBack = latestNow != null && now.isBefore(latestNow);
    latestNow = now;
    Instant horizon = byMinute ? now.minus(RECENT_MARGIN).truncatedTo(ChronoUnit.MINUTES)
        : now.minus(IN_FLIGHT_MARGIN).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    LocalDate day = horizon.atZone(zone).toLocalDate();
    boolean newDay = byMinute && latestDay != null && !day.equals(latestDay);
    latestDay = day;
    return new Step(horizon, movedBack || newDay);
  }
}
