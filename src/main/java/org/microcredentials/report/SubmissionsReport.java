package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.promotion.PromotionRegister;
import org.microcredentials.report.ZonedSql.Grain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code submissions}: per month of start and source, how many started, and how many of those passed, failed or
 * are still open. A promotion application counts once (passed: promoted), not once per skill it had assessed;
 * filtered by skill, the promotions whose level required it. Partial aggregates: per period of start, source and
 * skill, the rows started, and those passed and failed, each counted when it was recorded (an outcome by the
 * moment it closed) but kept under the period the row started in, so that open is started less passed and failed.
 * A promotion has many skills: its source is read only whole ({@link #PROMOTIONS}), never per day.
 */
final class SubmissionsReport implements ReportDefinition.Counts<SubmissionsReport.Group> {

  static final List<String> COLUMNS = List.of("month", "source", "started", "passed", "failed", "open");
  static final String SELF_SUBMISSION = "SELF_SUBMISSION";
  static final String ENDORSEMENT = "ENDORSEMENT";
  static final String PROMOTION = "PROMOTION";
  /** What the tallies keep: the sources whose rows have one skill. */
  static final Set<String> TALLIED = Set.of(SELF_SUBMISSION, ENDORSEMENT);
  static final Set<String> PROMOTIONS = Set.of(PROMOTION);

  private final JdbcClient jdbc;
  private final ZonedSql zoned;
  private final Set<String> sources;

  SubmissionsReport(JdbcClient jdbc, ZonedSql zoned, Set<String> sources) {
    this.jdbc = jdbc;
    this.zoned = zoned;
    this.sources = sources;
  }

  /** Rows of a source started in a period, of a skill (none for promotions): started, passed, failed. */
  record Group(LocalDate day, String source, String skillCode) implements ReportDefinition.Group<Group> {

    @Override
    public Group on(LocalDate otherDay) {
      return new Group(otherDay, source, skillCode);
    }
  }

  @Override
  public Grain grain() {
    return Grain.MONTH;
  }

  @Override
  public Map<Group, long[]> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to,
      Grain grain) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> branches = new ArrayList<>();
    String with = "";
    if (sources.contains(SELF_SUBMISSION)) {
      ReportConditions applications = ReportConditions.of(filter, team, zoned.zone(), "submitted_at", "candidate_id",
          "skill_code");
      applications.add("source = '" + SELF_SUBMISSION + "'");
      branches.add(startsAndOutcomes(zoned, grain, "'" + SELF_SUBMISSION + "' as source, skill_code", "skill_code",
          "application", "submitted_at", "closed_at", ApplicationRegister.Status.PASSED.name(),
          ApplicationRegister.Status.FAILED.name(), applications, from, to));
      parameters.putAll(applications.parameters);
      with = applications.with();
    }
    if (sources.contains(ENDORSEMENT)) {
      ReportConditions endorsements = ReportConditions.of(filter, team, zoned.zone(), "started_at", "candidate_id",
          "skill_code");
      branches.add(startsAndOutcomes(zoned, grain, "'" + ENDORSEMENT + "' as source, skill_code", "skill_code",
          "endorsement", "started_at", "closed_at", EndorsementRegister.Status.APPROVED.name(),
          EndorsementRegister.Status.WITHDRAWN.name(), endorsements, from, to));
      parameters.putAll(endorsements.parameters);
      with = endorsements.with();
    }
    if (sources.contains(PROMOTION)) {
      ReportConditions promotions = promotionConditions(filter, team, zoned);
      branches.add(startsAndOutcomes(zoned, grain, "'" + PROMOTION + "' as source, cast(null as varchar(16)) as skill_code",
          null, "promotion_application p", "p.started_at", "p.decided_at", PromotionRegister.Status.PROMOTED.name(),
          PromotionRegister.Status.NOT_PROMOTED.name(), promotions, from, to));
      parameters.putAll(promotions.parameters);
      with = promotions.with();
    }
    // Every branch binds the same parameters (:start, :end, :skill, :team or :teamMembers, the window) to the same
    // values.
    Map<Group, long[]> partials = new HashMap<>();
    jdbc.sql(with + String.join("\nunion all\n", branches)).params(parameters)
        .query((rs, row) -> partials.merge(new Group(ZonedSql.localDay(rs, "period_start"), rs.getString("source"),
            rs.getString("skill_code")), new long[] {rs.getLong("started"), rs.getLong("first_outcome"),
            rs.getLong("second_outcome")}, SettledTally::sum))
        .list();
    return partials;
  }

  /** Promotion applications {@code p} by start, candidate, and a skill their level required. */
  static ReportConditions promotionConditions(ReportFilter filter, TeamMembership team, ZonedSql zoned) {
    return ReportConditions.withSkillCondition(filter, team, zoned.zone(), "p.started_at", "p.candidate_id",
        "exists (select 1 from promotion_skill s where s.business_key = p.business_key and s.skill_code = :skill)");
  }

  /**
   * One select of a table's rows that {@code conditions} select, per period of {@code startColumn} and the
   * {@code keys} (grouped by {@code groupKeys}): {@code started}, those started in [from, to); {@code first_outcome}
   * and {@code second_outcome}, those whose status is {@code first} or {@code second} and closed in [from, to).
   */
  static String startsAndOutcomes(ZonedSql zoned, Grain grain, String keys, String groupKeys, String table,
      String startColumn, String closedColumn, String first, String second, ReportConditions conditions, Instant from,
      Instant to) {
    String started = conditions.recordedIn(startColumn, from, to);
    String closed = conditions.recordedIn(closedColumn, from, to);
    String source = from != null || to != null ? conditions.recordedFirst(table, "(" + started + " or " + closed + ")",
        from) : table;
    String period = zoned.periodStart(startColumn, grain);
    return """
        select %s as period_start, %s,
          sum(case when %s then 1 else 0 end) as started,
          sum(case when status = '%s' and %s then 1 else 0 end) as first_outcome,
          sum(case when status = '%s' and %s then 1 else 0 end) as second_outcome
        from %s %s
        group by %s%s""".formatted(period, keys, started, first, closed, second, closed, source, conditions.where(),
        period, groupKeys == null ? "" : ", " + groupKeys);
  }

  @Override
  public List<Map<String, Object>> rows(Map<Group, long[]> partials) {
    record Row(YearMonth month, String source) {
    }
    Map<Row, long[]> rows = new TreeMap<>(Comparator.comparing(Row::month).thenComparing(Row::source));
    partials.forEach((group, counts) -> rows.merge(new Row(YearMonth.from(group.day()), group.source()), counts,
        SettledTally::sum));
    List<Map<String, Object>> shaped = new ArrayList<>();
    rows.forEach((row, counts) -> shaped.add(row("month", row.month().toString(), "source", row.source(),
        "started", counts[0], "passed", counts[1], "failed", counts[2], "open", counts[0] - counts[1] - counts[2])));
    return shaped;
  }
}
