package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.percentile;
import static org.microcredentials.report.ReportRows.rounded;
import static org.microcredentials.report.ReportRows.row;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.endorsement.EndorsementRegister;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports without a team filter, added up from tallies of facts that are final once written
 * ({@link SettledTally}): an application passed or failed for good, an endorsement approved or
 * withdrawn (each with the moment it closed). Every tally is kept
 * per day of the organisation's time zone and per skill, so the period and skill filters stay exact;
 * the team, which no tally tells apart, is left to {@link Reports}' queries. Rows are those the
 * queries give, in the same order (the benchmark compares them at scale).
 *
 * <p>What this costs: the tallies live in this node's memory (the time reports keep one number per
 * decided application or approved endorsement: about 8 MB at a million); a row written with a moment
 * before a day already settled (a back-dated import) is missed until the application restarts.
 */
final class SettledReports {

  private static final String PASSED = ApplicationRegister.Status.PASSED.name();
  private static final String FAILED = ApplicationRegister.Status.FAILED.name();
  private static final String APPROVED = EndorsementRegister.Status.APPROVED.name();
  private static final String WITHDRAWN = EndorsementRegister.Status.WITHDRAWN.name();
  /** The sources the submissions report names (the promotions it queries, {@link Reports#submissions}). */
  static final String SELF_SUBMISSION = "SELF_SUBMISSION";
  static final String ENDORSEMENT = "ENDORSEMENT";

  private final JdbcClient jdbc;
  private final ZonedSql zoned;
  private final SettledTally<StartedDay, long[]> started;
  private final SettledTally<EndorserDay, long[]> endorsers;
  private final Map<String, Coarsened<?, ?>> coarsened = new ConcurrentHashMap<>();

  SettledReports(JdbcClient jdbc, ZonedSql zoned, Clock clock) {
    this.jdbc = jdbc;
    this.zoned = zoned;
    this.started = SettledTally.ofCounts(clock, zoned.zone(), this::countStarted);
    this.endorsers = SettledTally.ofCounts(clock, zoned.zone(), this::countEndorsements);
  }

  /** Self-submissions (by submission) and endorsements (by start) started on a day: started, passed, failed. */
  record StartedDay(LocalDate day, String source, String skillCode) {
  }

  /** One endorser's endorsements of one candidate started on a day: started, approved, withdrawn. */
  record EndorserDay(String endorser, String candidate, String skillCode, LocalDate day) {
  }

  /** {@link Reports#submissions} of self-submissions and endorsements, per month of start and source (no promotions). */
  List<Map<String, Object>> submissions(ReportFilter filter) {
    record Group(YearMonth month, String source) {
    }
    Map<Group, long[]> groups = new TreeMap<>(Comparator.comparing(Group::month).thenComparing(Group::source));
    addUp(started, filter, "submissions", key -> new StartedDay(key.day().withDayOfMonth(1), key.source(),
        key.skillCode()), SettledTally::sum, (key, counts) -> {
          if (counted(key.day(), key.skillCode(), filter)) {
            groups.merge(new Group(YearMonth.from(key.day()), key.source()), counts, SettledTally::sum);
          }
        });
    List<Map<String, Object>> rows = new ArrayList<>();
    groups.forEach((group, counts) -> rows.add(row("month", group.month().toString(), "source", group.source(),
        "started", counts[0], "passed", counts[1], "failed", counts[2], "open", counts[0] - counts[1] - counts[2])));
    return rows;
  }

  /** {@link Reports#endorsementsByEndorser}. */
  List<Map<String, Object>> endorsementsByEndorser(ReportFilter filter) {
    Map<String, long[]> people = new TreeMap<>();
    Map<String, Set<String>> candidates = new HashMap<>();
    addUp(endorsers, filter, "endorsements-by-endorser", key -> new EndorserDay(key.endorser(), key.candidate(),
        key.skillCode(), LocalDate.EPOCH), SettledTally::sum, (key, counts) -> {
          if (counted(key.day(), key.skillCode(), filter)) {
            people.merge(key.endorser(), counts, SettledTally::sum);
            if (counts[0] > 0) {
              candidates.computeIfAbsent(key.endorser(), absent -> new HashSet<>()).add(key.candidate());
            }
          }
        });
    Map<String, String> names = displayNames(jdbc, people.keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    people.forEach((endorser, counts) -> rows.add(row("endorser", endorser, "name", names.get(endorser),
        "started", counts[0], "approved", counts[1], "withdrawn", counts[2],
        "distinctCandidates", (long) candidates.getOrDefault(endorser, Set.of()).size())));
    return rows;
  }

  /** Whether a tallied day and skill fall within the filter's period and skill. */
  private static boolean counted(LocalDate day, String skillCode, ReportFilter filter) {
    return (filter.from() == null || !day.isBefore(filter.from()))
        && (filter.to() == null || !day.isAfter(filter.to()))
        && (filter.skillCode() == null || filter.skillCode().equals(skillCode));
  }

  private Map<StartedDay, long[]> countStarted(Instant from, Instant to) {
    Map<StartedDay, long[]> counts = new HashMap<>();
    countStartsAndOutcomes("application", "submitted_at", "source = '" + SELF_SUBMISSION + "'", "skill_code", PASSED,
        FAILED, (rs, day) -> new StartedDay(day, SELF_SUBMISSION, rs.getString("skill_code")), from, to, counts);
    countStartsAndOutcomes("endorsement", "started_at", "1 = 1", "skill_code", APPROVED, WITHDRAWN,
        (rs, day) -> new StartedDay(day, ENDORSEMENT, rs.getString("skill_code")), from, to, counts);
    return counts;
  }

  /** A tally's group from the grouped columns of a row and the day it started. */
  private interface GroupOf<K> {
    K of(ResultSet rs, LocalDate day) throws SQLException;
  }

  /**
   * Into {@code counts} per group: starts counted by their moment (first count); outcomes, {@code first}
   * (second count) or {@code second} (third), by the moment they closed but kept under the day the row
   * started, so that a group's open ones are its starts less its outcomes so far. Grouped by
   * {@code groupColumns} and the day of {@code startColumn}, of the rows of {@code table} that {@code rows} selects.
   */
  private <K> void countStartsAndOutcomes(String table, String startColumn, String rows, String groupColumns,
      String first, String second, GroupOf<K> group, Instant from, Instant to, Map<K, long[]> counts) {
    Moments starts = new Moments(startColumn, from, to);
    String day = zoned.localDay(startColumn);
    jdbc.sql("""
        select %s, %s as local_day, count(*) as started
        from %s where %s and %s
        group by %s, %s""".formatted(groupColumns, day, table, rows, starts.where(), groupColumns, day))
        .params(starts.parameters())
        .query((rs, row) -> counts.computeIfAbsent(group.of(rs, ZonedSql.localDay(rs, "local_day")),
            absent -> new long[3])[0] += rs.getLong("started"))
        .list();
    Moments outcomes = new Moments("closed_at", from, to);
    jdbc.sql("""
        select %s, %s as local_day, sum(case when status = '%s' then 1 else 0 end) as first_outcome,
          sum(case when status = '%s' then 1 else 0 end) as second_outcome
        from %s where %s and status in ('%s', '%s') and %s
        group by %s, %s""".formatted(groupColumns, day, first, second, table, rows, first, second, outcomes.where(),
            groupColumns, day))
        .params(outcomes.parameters())
        .query((rs, row) -> {
          long[] dayCounts = counts.computeIfAbsent(group.of(rs, ZonedSql.localDay(rs, "local_day")),
              absent -> new long[3]);
          dayCounts[1] += rs.getLong("first_outcome");
          dayCounts[2] += rs.getLong("second_outcome");
          return dayCounts;
        })
        .list();
  }

  private Map<EndorserDay, long[]> countEndorsements(Instant from, Instant to) {
    Map<EndorserDay, long[]> counts = new HashMap<>();
    countStartsAndOutcomes("endorsement", "started_at", "1 = 1", "endorser_id, candidate_id, skill_code", APPROVED,
        WITHDRAWN, (rs, day) -> new EndorserDay(rs.getString("endorser_id"), rs.getString("candidate_id"),
            rs.getString("skill_code"), day), from, to, counts);
    return counts;
  }

  /**
   * Hands {@code add} every fact of {@code tally}: the settled ones, then those after its horizon. Without a
   * period, whose days the filter would check, the settled days come added up into fewer groups
   * ({@code coarser}: a day to its month or quarter, or to one day for all), made once per settled tally.
   */
  private <K, V> void addUp(SettledTally<K, V> tally, ReportFilter filter, String report, UnaryOperator<K> coarser,
      BinaryOperator<V> merge, BiConsumer<K, V> add) {
    SettledTally.Settled<K, V> settled = tally.settled();
    (filter.from() == null && filter.to() == null ? coarsened(report, settled.counts(), coarser, merge)
        : settled.counts()).forEach(add);
    tally.recent(settled).forEach(add);
  }

  @SuppressWarnings("unchecked")
  private <K, V> Map<K, V> coarsened(String report, Map<K, V> days, UnaryOperator<K> coarser, BinaryOperator<V> merge) {
    Coarsened<?, ?> current = coarsened.get(report);
    if (current == null || current.days() != days) {
      Map<K, V> groups = new HashMap<>();
      days.forEach((day, value) -> groups.merge(coarser.apply(day), value, merge));
      current = new Coarsened<>(days, Map.copyOf(groups));
      coarsened.put(report, current);
    }
    return (Map<K, V>) current.groups();
  }

  /** A settled tally's days, and the same added up into coarser groups. */
  private record Coarsened<K, V>(Map<K, V> days, Map<K, V> groups) {
  }

  /** A moment column within [from, to), either end open when {@code null}. */
  private static final class Moments {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Moments(String column, Instant from, Instant to) {
      conditions.add(column + " is not null");
      if (from != null) {
        conditions.add(column + " >= :from");
        parameters.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
      }
      if (to != null) {
        conditions.add(column + " < :to");
        parameters.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
      }
    }

    String where() {
      return String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
      return parameters;
    }
  }

  /** The display names of the people (user ids) a report lists. */
  static Map<String, String> displayNames(JdbcClient jdbc, Set<String> people) {
    Map<String, String> names = new HashMap<>();
    if (!people.isEmpty()) {
      jdbc.sql("select user_id, display_name from engineer where user_id in (:people)").param("people", people)
          .query((rs, row) -> names.put(rs.getString("user_id"), rs.getString("display_name"))).list();
    }
    return names;
  }
}
