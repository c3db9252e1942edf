package org.microcredentials.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The teams the reports are filtered by, each walked again only when the organisation has changed since
 * ({@code Organisation.version}, moved by every write of an engineer): a read of a team's report reads that number and,
 * while it is the one the team was walked at, takes the team as it was walked. The number is read before the walk, so
 * a change that commits while the team is walked moves it past the number the team is kept with, and the next read
 * walks again: a team is never served from before a change that committed. The last {@value #KEPT} teams read are
 * kept, as the reports keep their tallies (a team's members' ids: a few hundred kilobytes for 10,000).
 */
final class TeamMemberships {

  static final int KEPT = 16;

  private final JdbcClient jdbc;
  private final LongSupplier organisationVersion;
  private final Map<String, Walked> walked = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Walked> eldest) {
      return size() > KEPT;
    }
  };

  TeamMemberships(JdbcClient jdbc, LongSupplier organisationVersion) {
    this.jdbc = jdbc;
    this.organisationVersion = organisationVersion;
  }

  /** Everyone below the line manager now ({@link TeamMembership#of}'s rule). */
  TeamMembership of(String lineManager) {
    long version = organisationVersion.getAsLong();
    synchronized (walked) {
      Walked kept = walked.get(lineManager);
      if (kept != null && kept.version() == version) {
        return kept.team();
      }
    }
    TeamMembership team = TeamMembership.of(jdbc, lineManager);
    synchronized (walked) {
      walked.put(lineManager, new Walked(version, team));
    }
    return team;
  }

  /** A team as it was walked, and the organisation's version read before the walk. */
  private record Walked(long version, TeamMembership team) {
  }
}
