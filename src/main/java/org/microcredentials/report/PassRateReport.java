package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.report.ZonedSql.Grain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code pass-rate}: per skill and level, assessments decided (passed or failed for good) in the period, and the
 * share passed: self-submissions and the skills promotion applications had assessed, each by the same review round.
 * Partial aggregates: decided and passed per period of the decision, skill, level and framework version.
 */
final class PassRateReport implements ReportDefinition.Counts<SkillLevelGroup> {

  static final List<String> COLUMNS = List.of("skillCode", "skillName", "level", "assessed", "passed", "passRate");
  private static final String PASSED = ApplicationRegister.Status.PASSED.name();
  private static final String FAILED = ApplicationRegister.Status.FAILED.name();

  private final JdbcClient jdbc;
  private final ZonedSql zoned;

  PassRateReport(JdbcClient jdbc, ZonedSql zoned) {
    this.jdbc = jdbc;
    this.zoned = zoned;
  }


  @Override
  public Grain grain() {
    return Grain.WHOLE;
  }

  @Override
  public Map<SkillLevelGroup, long[]> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to,
      Grain grain) {
    ReportConditions decided = ReportConditions.of(filter, team, zoned.zone(), "closed_at", "candidate_id",
        "skill_code");
    decided.add("status in ('" + PASSED + "', '" + FAILED + "')");
    String source = decided.recordedFirst("application", decided.recordedIn("closed_at", from, to), from);
    String period = zoned.periodStart("closed_at", grain);
    String sql = decided.with() + """
        select %s as period_start, skill_code, skill_level, framework_version, count(*) as decided,
          sum(case when status = '%s' then 1 else 0 end) as passed
        from %s %s
        group by %s, skill_code, skill_level, framework_version""".formatted(period, PASSED, source, decided.where(),
        period);
    Map<SkillLevelGroup, long[]> partials = new HashMap<>();
    decided.query(jdbc, sql, (rs, row) -> partials.put(new SkillLevelGroup(ZonedSql.localDay(rs, "period_start"),
        rs.getString("skill_code"), rs.getInt("skill_level"), rs.getInt("framework_version")),
        new long[] {rs.getLong("decided"), rs.getLong("passed")}));
    return partials;
  }

  @Override
  public List<Map<String, Object>> rows(Map<SkillLevelGroup, long[]> partials) {
    record Row(String skillCode, int level) {
    }
    Map<Row, long[]> rows = new TreeMap<>(Comparator.comparing(Row::skillCode).thenComparingInt(Row::level));
    Map<Row, Set<Integer>> versions = new HashMap<>();
    partials.forEach((group, counts) -> {
      Row row = new Row(group.skillCode(), group.skillLevel());
      rows.merge(row, counts, SettledTally::sum);
      versions.computeIfAbsent(row, absent -> new HashSet<>()).add(group.frameworkVersion());
    });
    ReportNames.SkillNames names = ReportNames.skillNames(jdbc);
    List<Map<String, Object>> shaped = new ArrayList<>();
    rows.forEach((row, counts) -> shaped.add(row("skillCode", row.skillCode(),
        "skillName", names.of(row.skillCode(), versions.get(row)), "level", row.level(), "assessed", counts[0],
        "passed", counts[1], "passRate", (double) counts[1] / counts[0])));
    return shaped;
  }
}
