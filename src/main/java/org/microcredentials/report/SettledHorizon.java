package org.microcredentials.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Where the settled past ends for a tally of facts that never change once their moment has passed
 * (a credential issued, a task ended): the start of the organisation's day, taken a margin before
 * now, so that a transaction still in flight when a day turns is not settled before it commits.
 * A clock that moves back (tests set it; production's does not) unsettles everything: the tally is
 * then built again.
 */
final class SettledHorizon {

  /** Far longer than any of our transactions (the engine's and the register's run in milliseconds). */
  static final Duration IN_FLIGHT_MARGIN = Duration.ofMinutes(10);

  private final Clock clock;
  private final ZoneId zone;
  private Instant latestNow;

  SettledHorizon(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** Where the settled past ends now, and whether what was settled before still holds. */
  record Step(Instant horizon, boolean clockMovedBack) {
  }

  synchronized Step next() {
    Instant now = clock.instant();
    boolean movedBack = latestNow != null && now.isBefore(latestNow);
    latestNow = now;
    return new Step(now.minus(IN_FLIGHT_MARGIN).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant(), movedBack);
  }
}
