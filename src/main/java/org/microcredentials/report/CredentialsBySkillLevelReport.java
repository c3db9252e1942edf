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
import org.microcredentials.report.ZonedSql.Grain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code credentials-by-skill-level} (the inflation watch): per quarter of the organisation, skill and level,
 * credentials issued in the quarter and credentials revoked in it. Partial aggregates: issued and revoked per
 * period of the moment, skill, level and framework version.
 */
final class CredentialsBySkillLevelReport implements ReportDefinition.Counts<SkillLevelGroup> {

  static final List<String> COLUMNS = List.of("quarter", "skillCode", "skillName", "level", "issued", "revoked");

  private final JdbcClient jdbc;
  private final ZonedSql zoned;

  CredentialsBySkillLevelReport(JdbcClient jdbc, ZonedSql zoned) {
    this.jdbc = jdbc;
    this.zoned = zoned;
  }


  @Override
  public Grain grain() {
    return Grain.QUARTER;
  }

  @Override
  public Map<SkillLevelGroup, long[]> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to,
      Grain grain) {
    // Each credential of the skill and team is read once (its issue and its revocation from the same row:
    // reading the table twice doubled the heap reads of a team's 100,000 credentials), counted per period
    // of each moment, whether each moment is in the period and window, skill, level and version; the few
    // groups are then split into issued and revoked.
    ReportConditions held = ReportConditions.of(new ReportFilter(null, null, filter.skillCode(), filter.team()),
        team, zoned.zone(), null, "holder_id", "skill_code");
    // The period on either moment: the column left as %1$s, the same :start and :end for both.
    ReportConditions period = ReportConditions.of(new ReportFilter(filter.from(), filter.to(), null, null),
        null, zoned.zone(), "%1$s", null, null);
    held.parameters.putAll(period.parameters);
    String issuedIn = period.all().formatted("issued_at") + " and " + held.recordedIn("issued_at", from, to);
    String revokedIn = period.all().formatted("revoked_at") + " and " + held.recordedIn("revoked_at", from, to);
    String source = from != null || to != null ? held.recordedFirst("credential", "(" + held.recordedIn("issued_at",
        from, to) + " or " + held.recordedIn("revoked_at", from, to) + ")", from) : "credential";
    String sql = (held.with().isEmpty() ? "with " : held.with() + ", ") + """
        per_group (issued_start, issued_in, revoked_start, revoked_in, skill_code, skill_level, framework_version, n) as (
          select issued_start, issued_in, revoked_start, revoked_in, skill_code, skill_level, framework_version,
            count(*) as n
          from (
            select %s as issued_start, case when %s then 1 else 0 end as issued_in,
              %s as revoked_start, case when revoked and revoked_at is not null and %s then 1 else 0 end as revoked_in,
              skill_code, skill_level, framework_version
            from %s %s
          ) each_credential
          group by issued_start, issued_in, revoked_start, revoked_in, skill_code, skill_level, framework_version)
        select issued_start as period_start, skill_code, skill_level, framework_version, n as issued, 0 as revoked
        from per_group where issued_in = 1
        union all
        select revoked_start as period_start, skill_code, skill_level, framework_version, 0 as issued, n as revoked
        from per_group where revoked_in = 1""".formatted(zoned.periodStart("issued_at", grain), issuedIn,
        zoned.periodStart("revoked_at", grain), revokedIn, source, held.where());
    Map<SkillLevelGroup, long[]> partials = new HashMap<>();
    held.query(jdbc, sql, (rs, row) -> partials.merge(new SkillLevelGroup(ZonedSql.localDay(rs, "period_start"),
        rs.getString("skill_code"), rs.getInt("skill_level"), rs.getInt("framework_version")),
        new long[] {rs.getLong("issued"), rs.getLong("revoked")}, SettledTally::sum));
    return partials;
  }

  @Override
  public List<Map<String, Object>> rows(Map<SkillLevelGroup, long[]> partials) {
    record Row(int yearQuarter, String skillCode, int level) {
    }
    Map<Row, long[]> rows = new TreeMap<>(Comparator.comparingInt(Row::yearQuarter)
        .thenComparing(Row::skillCode).thenComparingInt(Row::level));
    Map<Row, Set<Integer>> versions = new HashMap<>();
    partials.forEach((group, counts) -> {
      Row row = new Row(group.day().getYear() * 10 + (group.day().getMonthValue() + 2) / 3, group.skillCode(),
          group.skillLevel());
      rows.merge(row, counts, SettledTally::sum);
      versions.computeIfAbsent(row, absent -> new HashSet<>()).add(group.frameworkVersion());
    });
    ReportNames.SkillNames names = ReportNames.skillNames(jdbc);
    List<Map<String, Object>> shaped = new ArrayList<>();
    rows.forEach((row, counts) -> shaped.add(row("quarter", "%d-Q%d".formatted(row.yearQuarter() / 10,
            row.yearQuarter() % 10), "skillCode", row.skillCode(), "skillName", names.of(row.skillCode(), versions.get(row)),
        "level", row.level(), "issued", counts[0], "revoked", counts[1])));
    return shaped;
  }
}
