package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.percentile;
import static org.microcredentials.report.ReportRows.rounded;
import static org.microcredentials.report.ReportRows.row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.report.ZonedSql.Grain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report of durations per month of closing: how many rows closed, the median and 90th percentile of the days
 * from their start to their close. Partial aggregates: the days of each row closed, per period of closing and skill,
 * so that the percentiles stay exact however the days are added up.
 * <ul>
 * <li>{@code time-to-outcome} ({@link #timeToOutcome}): self-submissions decided (a promotion's skills wait on each
 * other and on the candidate's evidence: not comparable), from submission;</li>
 * <li>{@code time-to-endorsement} ({@link #timeToEndorsement}): endorsements approved, from their start.</li>
 * </ul>
 */
final class DurationsReport implements ReportDefinition<DurationsReport.Group, double[]> {

  static final List<String> OUTCOME_COLUMNS = List.of("month", "decided", "median", "p90");
  static final List<String> ENDORSEMENT_COLUMNS = List.of("month", "approved", "median", "p90");

  private final JdbcClient jdbc;
  private final ZonedSql zoned;
  private final String table;
  private final String startColumn;
  private final String rows;
  private final String countColumn;

  private DurationsReport(JdbcClient jdbc, ZonedSql zoned, String table, String startColumn, String rows,
      String countColumn) {
    this.jdbc = jdbc;
    this.zoned = zoned;
    this.table = table;
    this.startColumn = startColumn;
    this.rows = rows;
    this.countColumn = countColumn;
  }

  static DurationsReport timeToOutcome(JdbcClient jdbc, ZonedSql zoned) {
    return new DurationsReport(jdbc, zoned, "application", "submitted_at", "status in ('"
        + ApplicationRegister.Status.PASSED + "', '" + ApplicationRegister.Status.FAILED + "') and source = '"
        + SubmissionsReport.SELF_SUBMISSION + "'", "decided");
  }

  static DurationsReport timeToEndorsement(JdbcClient jdbc, ZonedSql zoned) {
    return new DurationsReport(jdbc, zoned, "endorsement", "started_at",
        "status = '" + EndorsementRegister.Status.APPROVED + "'", "approved");
  }

  /** The days each row closed in a period, of a skill, had taken. */
  record Group(LocalDate day, String skillCode) implements ReportDefinition.Group<Group> {

    @Override
    public Group on(LocalDate otherDay) {
      return new Group(otherDay, skillCode);
    }
  }

  @Override
  public Grain grain() {
    return Grain.MONTH;
  }

  @Override
  public double[] merge(double[] partial, double[] more) {
    return SettledTally.concat(partial, more);
  }

  @Override
  public Map<Group, double[]> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to,
      Grain grain) {
    ReportConditions closed = ReportConditions.of(filter, team, zoned.zone(), "closed_at", "candidate_id",
        "skill_code");
    closed.add(rows);
    closed.add("closed_at is not null");
    String source = closed.recordedFirst(table, closed.recordedIn("closed_at", from, to), from);
    String sql = closed.with() + "select %s as period_start, skill_code, %s as days from %s %s".formatted(
        zoned.periodStart("closed_at", grain), ZonedSql.days(startColumn, "closed_at"), source, closed.where());
    Map<Group, List<Double>> days = new HashMap<>();
    closed.query(jdbc, sql, (rs, row) -> days.computeIfAbsent(new Group(ZonedSql.localDay(rs, "period_start"),
        rs.getString("skill_code")), absent -> new ArrayList<>()).add(rs.getDouble("days")));
    Map<Group, double[]> partials = new HashMap<>();
    days.forEach((group, values) -> partials.put(group, values.stream().mapToDouble(Double::doubleValue).toArray()));
    return partials;
  }

  @Override
  public List<Map<String, Object>> rows(Map<Group, double[]> partials) {
    Map<YearMonth, List<double[]>> months = new TreeMap<>();
    partials.forEach((group, days) -> months.computeIfAbsent(YearMonth.from(group.day()), absent -> new ArrayList<>())
        .add(days));
    List<Map<String, Object>> shaped = new ArrayList<>();
    months.forEach((month, parts) -> {
      double[] days = parts.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
      if (days.length > 0) {
        shaped.add(row("month", month.toString(), countColumn, (long) days.length,
            "median", rounded(percentile(days, 0.5)), "p90", rounded(percentile(days, 0.9))));
      }
    });
    return shaped;
  }
}
