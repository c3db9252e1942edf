package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.rounded;
import static org.microcredentials.report.ReportRows.row;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.framework.Organisation;
import org.microcredentials.promotion.PromotionRegister;
import org.microcredentials.sla.WatchedTasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reports. Each report over our tables is defined once ({@link ReportDefinition}: its partial aggregates as one
 * set-based SQL text, and one shaping of them into rows), and given in two forms ({@link TalliedReport}): queried
 * over every row the filter selects ({@link #queried}, and for a team with a period), or from the per-day tally of
 * the settled past and the same query over the recent days (a team's over the whole period: the team's own tally).
 * The SLA report ({@link SlaBreachesReport}) reads Camunda's history, through {@link EngineHistoryRows} only, and
 * keeps a tally per person;
 * {@code credentials-and-promotions} (a few rows a day) is queried alone. Months and quarters are those of the
 * organisation's time zone. The SQL is portable between H2 and PostgreSQL ({@code AT TIME ZONE}, {@code EXTRACT},
 * {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code WITH RECURSIVE}) but for the period keys ({@link ZonedSql}); the
 * indexes it reads are in {@code V8__report_indexes.sql}.
 */
@Component
public class Reports {

  private static final String PROMOTED = PromotionRegister.Status.PROMOTED.name();
  private static final String NOT_PROMOTED = PromotionRegister.Status.NOT_PROMOTED.name();

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final ZonedSql zoned;
  private final TeamMemberships teams;
  private final SlaBreachesReport slaBreaches;
  private final TalliedReport<SubmissionsReport.Group, long[]> submissions;
  private final TalliedReport<SubmissionsReport.Group, long[]> promotionSubmissions;
  private final TalliedReport<EndorsementsByEndorserReport.Group, long[]> endorsementsByEndorser;
  private final TalliedReport<SkillLevelGroup, long[]> credentialsBySkillLevel;
  private final TalliedReport<SkillLevelGroup, long[]> passRate;
  private final TalliedReport<DurationsReport.Group, double[]> timeToOutcome;
  private final TalliedReport<DurationsReport.Group, double[]> timeToEndorsement;

  Reports(JdbcClient jdbc, MicroCredentialsProperties properties, Clock clock, DataSource dataSource,
      PlatformTransactionManager transactions, WatchedTasks watchedTasks, Organisation organisation) {
    this.jdbc = jdbc;
    this.zone = properties.timeZone();
    this.zoned = new ZonedSql(zone, dataSource);
    this.teams = new TeamMemberships(jdbc, organisation::version);
    this.slaBreaches = new SlaBreachesReport(jdbc, clock, zone, transactions, watchedTasks, teams);
    this.submissions = new TalliedReport<>(new SubmissionsReport(jdbc, zoned, SubmissionsReport.TALLIED), clock, zoned);
    this.promotionSubmissions = new TalliedReport<>(new SubmissionsReport(jdbc, zoned, SubmissionsReport.PROMOTIONS),
        clock, zoned);
    this.endorsementsByEndorser = new TalliedReport<>(new EndorsementsByEndorserReport(jdbc, zoned), clock, zoned);
    this.credentialsBySkillLevel = new TalliedReport<>(new CredentialsBySkillLevelReport(jdbc, zoned), clock, zoned);
    this.passRate = new TalliedReport<>(new PassRateReport(jdbc, zoned), clock, zoned);
    this.timeToOutcome = new TalliedReport<>(DurationsReport.timeToOutcome(jdbc, zoned), clock, zoned);
    this.timeToEndorsement = new TalliedReport<>(DurationsReport.timeToEndorsement(jdbc, zoned), clock, zoned);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * A report: from the tallies where it has them, otherwise {@link #queried}. A team's report over the whole period
   * reads the team's own settled tallies (made on its first read, and anew when its members change; {@code
   * sla-breaches} keeps its tally per person and keeps the team's members); a team with a period is queried.
   */
  public Report report(ReportName name, ReportFilter filter) {
    boolean wholePeriod = filter.from() == null && filter.to() == null;
    if (filter.team() != null && name != ReportName.SLA_BREACHES && !wholePeriod) {
      return queried(name, filter);
    }
    // The team walked once for the read: who it is (its tally's membership) and what its recent facts are checked
    // against; sla-breaches walks it once for its members' tallies.
    TeamMembership team = filter.team() == null || name == ReportName.SLA_BREACHES ? null
        : teams.of(filter.team());
    return switch (name) {
      case SUBMISSIONS -> submissions(tallied(submissions, filter, team), promotionSubmissions.queried(filter, team),
          filter);
      case PASS_RATE -> new Report(name.slug(), filter, PassRateReport.COLUMNS, tallied(passRate, filter, team));
      case TIME_TO_OUTCOME -> new Report(name.slug(), filter, DurationsReport.OUTCOME_COLUMNS,
          tallied(timeToOutcome, filter, team));
      case TIME_TO_ENDORSEMENT -> new Report(name.slug(), filter, DurationsReport.ENDORSEMENT_COLUMNS,
          tallied(timeToEndorsement, filter, team));
      case SLA_BREACHES -> new Report(name.slug(), filter, SlaBreachesReport.COLUMNS,
          wholePeriod ? slaBreaches.tallied(filter) : slaBreaches.queried(filter));
      case CREDENTIALS_BY_SKILL_LEVEL -> new Report(name.slug(), filter, CredentialsBySkillLevelReport.COLUMNS,
          tallied(credentialsBySkillLevel, filter, team));
      case ENDORSEMENTS_BY_ENDORSER -> new Report(name.slug(), filter, EndorsementsByEndorserReport.COLUMNS,
          tallied(endorsementsByEndorser, filter, team));
      case CREDENTIALS_AND_PROMOTIONS -> credentialsAndPromotions(filter, team);
    };
  }

  /** The report's rows from the organisation's tallies, or from the team's when the filter names one. */
  private static List<Map<String, Object>> tallied(TalliedReport<?, ?> report, ReportFilter filter,
      TeamMembership team) {
    return team == null ? report.tallied(filter) : report.tallied(filter, team);
  }

  /**
   * {@code submissions} of its sources with one skill (self-submissions, endorsements) and of promotion applications
   * (a few a day, whose skills are many: always queried), in the report's order.
   */
  private Report submissions(List<Map<String, Object>> oneSkillSources, List<Map<String, Object>> promotions,
      ReportFilter filter) {
    List<Map<String, Object>> rows = new ArrayList<>(oneSkillSources);
    rows.addAll(promotions);
    rows.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("month"))
        .thenComparing(row -> (String) row.get("source")));
    return new Report(ReportName.SUBMISSIONS.slug(), filter, SubmissionsReport.COLUMNS, rows);
  }

  /** A report from its query over every row, without any tally: slower, and what the tallies must agree with. */
  public Report queried(ReportName name, ReportFilter filter) {
    return switch (name) {
      case SUBMISSIONS -> submissions(submissions.queried(filter), promotionSubmissions.queried(filter), filter);
      case PASS_RATE -> new Report(name.slug(), filter, PassRateReport.COLUMNS, passRate.queried(filter));
      case TIME_TO_OUTCOME -> new Report(name.slug(), filter, DurationsReport.OUTCOME_COLUMNS,
          timeToOutcome.queried(filter));
      case TIME_TO_ENDORSEMENT -> new Report(name.slug(), filter, DurationsReport.ENDORSEMENT_COLUMNS,
          timeToEndorsement.queried(filter));
      case SLA_BREACHES -> new Report(name.slug(), filter, SlaBreachesReport.COLUMNS, slaBreaches.queried(filter));
      case CREDENTIALS_BY_SKILL_LEVEL -> new Report(name.slug(), filter, CredentialsBySkillLevelReport.COLUMNS,
          credentialsBySkillLevel.queried(filter));
      case ENDORSEMENTS_BY_ENDORSER -> new Report(name.slug(), filter, EndorsementsByEndorserReport.COLUMNS,
          endorsementsByEndorser.queried(filter));
      case CREDENTIALS_AND_PROMOTIONS -> credentialsAndPromotions(filter, null);
    };
  }

  /**
   * Per target level (the correlation between credentials and careers): promotion applications started
   * in the period, how many were promoted, not promoted or are still open, and the median number of
   * credentials the candidates held (issued and not revoked) on the day they applied, as the register wrote it then.
   * The filter's team is {@code team}'s members, as this read walked them, or with {@code team} null walked by the
   * query.
   */
  Report credentialsAndPromotions(ReportFilter filter, TeamMembership team) {
    ReportConditions started = SubmissionsReport.promotionConditions(filter, team, zoned);
    String sql = started.with() + """
        select target_level, count(*) as applications,
          sum(case when status = '%s' then 1 else 0 end) as promoted,
          sum(case when status = '%s' then 1 else 0 end) as not_promoted,
          percentile_cont(0.5) within group (order by credentials_held) as median_held
        from promotion_application p
        %s
        group by target_level
        order by target_level""".formatted(PROMOTED, NOT_PROMOTED, started.where());
    return new Report(ReportName.CREDENTIALS_AND_PROMOTIONS.slug(), filter,
        List.of("targetLevel", "applications", "promoted", "notPromoted", "open", "medianCredentialsHeld"),
        started.query(jdbc, sql, (rs, row) -> {
          long applications = rs.getLong("applications");
          long promoted = rs.getLong("promoted");
          long notPromoted = rs.getLong("not_promoted");
          return row("targetLevel", rs.getInt("target_level"), "applications", applications, "promoted", promoted,
              "notPromoted", notPromoted, "open", applications - promoted - notPromoted,
              "medianCredentialsHeld", rounded(rs.getDouble("median_held")));
        }));
  }
}
