package org.microcredentials.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.report.ZonedSql.Grain;

/**
 * The two forms of one report, both from its {@link ReportDefinition}:
 * <ul>
 * <li>{@link #queried}: its partial aggregates over every row the filter selects, shaped into rows;</li>
 * <li>{@link #tallied}: the partial aggregates per day of the settled past ({@link SettledTally}, made without a
 * filter, kept in memory), those of the days the filter's period and skill select, with the partial aggregates of
 * the facts recorded after the settled horizon (queried with the filter on every read), shaped by the same function.
 * Without a period the settled days come added up to the report's grain, once per settled tally.</li>
 * <li>{@link #tallied(ReportFilter, TeamMembership)}, a team's over the whole period: the same, from a settled tally
 * of that team's facts alone, made at the report's grain on the team's first read (its query over the settled past)
 * and extended as the horizon moves. It serves only the membership it was made for ({@link TeamMembership}: a
 * team that changed is tallied anew), and the tallies of the {@value #TEAMS_KEPT} teams read last are kept. A
 * team with a period is left to {@link #queried}.</li>
 * </ul>
 * The tallies live in this node's memory; a row written with a moment before a day already settled (a back-dated
 * import) is missed until the application restarts.
 */
final class TalliedReport<K extends ReportDefinition.Group<K>, V> {

  /** How many teams' settled tallies a report keeps (the teams read last): hundreds to a few thousand groups each. */
  static final int TEAMS_KEPT = 16;

  private final ReportDefinition<K, V> definition;
  private final Clock clock;
  private final ZoneId zone;
  private final SettledTally<K, V> settled;
  private Coarsened<K, V> coarsened;
  private final Map<String, TeamTally<K, V>> teams = new LinkedHashMap<>(TEAMS_KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TeamTally<K, V>> eldest) {
      return size() > TEAMS_KEPT;
    }
  };

  TalliedReport(ReportDefinition<K, V> definition, Clock clock, ZonedSql zoned) {
    this.definition = definition;
    this.clock = clock;
    this.zone = zoned.zone();
    this.settled = new SettledTally<>(clock, zoned.zone(),
        (from, to) -> definition.partials(ReportFilter.none(), null, from, to, Grain.DAY), definition::merge);
  }

  /** The report from its query over every row the filter selects (a team walked by the query). */
  List<Map<String, Object>> queried(ReportFilter filter) {
    return queried(filter, null);
  }

  /** The same, for the filter's team as this read walked it ({@code null}: walked by the query). */
  List<Map<String, Object>> queried(ReportFilter filter, TeamMembership team) {
    return definition.rows(definition.partials(filter, team, null, null, definition.grain()));
  }

  /** The report from the tally of the settled days and the query of the recent ones; for a filter without a team. */
  List<Map<String, Object>> tallied(ReportFilter filter) {
    SettledTally.Settled<K, V> days = settled.settled();
    Map<K, V> partials = new HashMap<>();
    Map<K, V> settledPartials = filter.from() == null && filter.to() == null ? coarsened(days) : days.counts();
    settledPartials.forEach((group, value) -> {
      if (selected(group, filter)) {
        partials.merge(group, value, definition::merge);
      }
    });
    definition.partials(filter, null, days.horizon(), null, Grain.DAY)
        .forEach((group, value) -> partials.merge(group, value, definition::merge));
    return definition.rows(partials);
  }

  /**
   * A team's report over the whole period (the filter names the team, maybe a skill, no period): the team's settled
   * tally, made at the report's grain for this membership, with the team's facts recorded after its horizon, checked
   * against the members this read walked (the team is not walked again).
   */
  List<Map<String, Object>> tallied(ReportFilter filter, TeamMembership team) {
    if (filter.from() != null || filter.to() != null || !team.lineManager().equals(filter.team())) {
      throw new IllegalArgumentException("A team's tally serves its team over the whole period: " + filter);
    }
    SettledTally.Settled<K, V> days = teamTally(team).settled();
    Map<K, V> partials = new HashMap<>();
    days.counts().forEach((group, value) -> {
      if (selected(group, filter)) {
        partials.merge(group, value, definition::merge);
      }
    });
    definition.partials(filter, team, days.horizon(), null, Grain.DAY)
        .forEach((group, value) -> partials.merge(group, value, definition::merge));
    return definition.rows(partials);
  }

  /** The settled tally of the team as it is now: the one kept, or a new one (counted on its first read). */
  private SettledTally<K, V> teamTally(TeamMembership team) {
    synchronized (teams) {
      TeamTally<K, V> kept = teams.get(team.lineManager());
      if (kept == null || !kept.digest().equals(team.digest())) {
        // Counted by the query with the team it walks: the tally is kept for days, its members' list is not.
        ReportFilter teamOnly = new ReportFilter(null, null, null, team.lineManager());
        kept = new TeamTally<>(team.digest(), new SettledTally<>(clock, zone,
            (from, to) -> definition.partials(teamOnly, null, from, to, definition.grain()), definition::merge));
        teams.put(team.lineManager(), kept);
      }
      return kept.settled();
    }
  }

  /** A team's settled tally and the digest of the membership it was made for ({@link TeamMembership#digest}). */
  private record TeamTally<K, V>(String digest, SettledTally<K, V> settled) {
  }

  /** Whether a tallied day and skill fall within the filter's period and skill (as its query's conditions select them). */
  private static boolean selected(ReportDefinition.Group<?> group, ReportFilter filter) {
    LocalDate day = group.day();
    return (filter.from() == null || !day.isBefore(filter.from()))
        && (filter.to() == null || !day.isAfter(filter.to()))
        && (filter.skillCode() == null || filter.skillCode().equals(group.skillCode()));
  }

  /** The settled days added up to the report's grain, made once per settled tally. */
  private synchronized Map<K, V> coarsened(SettledTally.Settled<K, V> days) {
    if (coarsened == null || coarsened.days() != days.counts()) {
      Map<K, V> groups = new HashMap<>();
      days.counts().forEach((group, value) -> groups.merge(group.on(ZonedSql.periodStart(group.day(),
          definition.grain())), value, definition::merge));
      coarsened = new Coarsened<>(days.counts(), Map.copyOf(groups));
    }
    return coarsened.groups();
  }

  /** A settled tally's days, and the same added up to the report's grain. */
  private record Coarsened<K, V>(Map<K, V> days, Map<K, V> groups) {
  }
}
