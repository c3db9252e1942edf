package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.rounded;
import static org.microcredentials.report.ReportRows.row;
import static org.microcredentials.report.ReportRows.yearMonth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.ApplicationVariables;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.promotion.PromotionRegister;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.sla.SlaPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reports. Each report over our tables is defined once ({@link ReportDefinition}: its partial aggregates as one
 * set-based SQL text, and one shaping of them into rows), and given in two forms ({@link TalliedReport}): queried
 * over every row the filter selects ({@link #queried}, and with a team filter), or, without a team, from the
 * per-day tally of the settled past and the same query over the recent days. The SLA report reads Camunda's history
 * ({@code ACT_HI_TASKINST}, {@code ACT_HI_IDENTITYLINK}, {@code ACT_HI_PROCINST}) and keeps a tally per person;
 * {@code credentials-and-promotions} (a few rows a day) is queried alone. Months and quarters are those of the
 * organisation's time zone. The SQL is portable between H2 and PostgreSQL ({@code AT TIME ZONE}, {@code EXTRACT},
 * {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code WITH RECURSIVE}) but for the period keys ({@link ZonedSql}); the
 * indexes it reads are in {@code V8__report_indexes.sql}.
 */
@Component
public class Reports {

  /** {@link SlaPolicy#WATCHED_TASKS} as SQL, for {@code task_def_key_ in (...)}. */
  private static final String SLA_TASK_KEYS = String.join(", ",
      SlaPolicy.WATCHED_TASKS.stream().map(key -> "'" + key + "'").toList());

  private static final String PROMOTED = PromotionRegister.Status.PROMOTED.name();
  private static final String NOT_PROMOTED = PromotionRegister.Status.NOT_PROMOTED.name();

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final Clock clock;
  private final ZonedSql zoned;
  private final SettledTally<TaskHolder, long[]> slaTally;
  private final UnsettledSlaTally unsettledTally;
  private final TalliedReport<SubmissionsReport.Group, long[]> submissions;
  private final TalliedReport<SubmissionsReport.Group, long[]> promotionSubmissions;
  private final TalliedReport<EndorsementsByEndorserReport.Group, long[]> endorsementsByEndorser;
  private final TalliedReport<CredentialsBySkillLevelReport.Group, long[]> credentialsBySkillLevel;
  private final TalliedReport<PassRateReport.Group, long[]> passRate;
  private final TalliedReport<DurationsReport.Group, double[]> timeToOutcome;
  private final TalliedReport<DurationsReport.Group, double[]> timeToEndorsement;

  Reports(JdbcClient jdbc, MicroCredentialsProperties properties, Clock clock, DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.zone = properties.timeZone();
    this.clock = clock;
    this.zoned = new ZonedSql(zone, dataSource);
    // Its groups keep no dates, so it may settle up to a few minutes ago: what is read on every request
    // is then only the open tasks and those ended in the last minutes.
    this.slaTally = new SettledTally<>(TallyCutoff.byMinute(clock, zone), this::countTasksHeld, SettledTally::sum);
    this.unsettledTally = new UnsettledSlaTally(jdbc, transactions, SLA_TASK_KEYS);
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
   * A report: from the tallies where it has them and the filter names no team (but for {@code sla-breaches},
   * whose tally is kept per person), otherwise {@link #queried}.
   */
  public Report report(ReportName name, ReportFilter filter) {
    if (filter.team() != null && name != ReportName.SLA_BREACHES) {
      return queried(name, filter);
    }
    return switch (name) {
      case SUBMISSIONS -> submissions(submissions.tallied(filter), promotionSubmissions.queried(filter), filter);
      case PASS_RATE -> new Report(name.slug(), filter, PassRateReport.COLUMNS, passRate.tallied(filter));
      case TIME_TO_OUTCOME -> new Report(name.slug(), filter, DurationsReport.OUTCOME_COLUMNS,
          timeToOutcome.tallied(filter));
      case TIME_TO_ENDORSEMENT -> new Report(name.slug(), filter, DurationsReport.ENDORSEMENT_COLUMNS,
          timeToEndorsement.tallied(filter));
      case SLA_BREACHES -> slaBreaches(filter);
      case CREDENTIALS_BY_SKILL_LEVEL -> new Report(name.slug(), filter, CredentialsBySkillLevelReport.COLUMNS,
          credentialsBySkillLevel.tallied(filter));
      case ENDORSEMENTS_BY_ENDORSER -> new Report(name.slug(), filter, EndorsementsByEndorserReport.COLUMNS,
          endorsementsByEndorser.tallied(filter));
      case CREDENTIALS_AND_PROMOTIONS -> credentialsAndPromotions(filter);
    };
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
      case SLA_BREACHES -> slaBreachesQueried(filter);
      case CREDENTIALS_BY_SKILL_LEVEL -> new Report(name.slug(), filter, CredentialsBySkillLevelReport.COLUMNS,
          credentialsBySkillLevel.queried(filter));
      case ENDORSEMENTS_BY_ENDORSER -> new Report(name.slug(), filter, EndorsementsByEndorserReport.COLUMNS,
          endorsementsByEndorser.queried(filter));
      case CREDENTIALS_AND_PROMOTIONS -> credentialsAndPromotions(filter);
    };
  }

  /**
   * Per person who held an assessor or reviewer task (Camunda's history of assignees, so work
   * handed on counts for both): the tasks held; those overdue in their hands; and those escalated
   * (the rule: {@link SlaPolicy}). Over the
   * whole period, added up from the tally of ended tasks ({@link SettledTally}, settled to a few minutes
   * ago) and the tasks still open or ended since ({@link UnsettledSlaTally}; for one skill, queried with the
   * skill of each); a team keeps its members' counts (the tally is per person). For a period queried whole.
   */
  private Report slaBreaches(ReportFilter filter) {
    if (filter.from() != null || filter.to() != null) {
      return slaBreachesQueried(filter);
    }
    Predicate<String> counted = filter.team() == null ? person -> true : teamOf(filter.team())::contains;
    Map<String, long[]> people = new TreeMap<>();
    SettledTally.Settled<TaskHolder, long[]> settled = slaTally.settled();
    BiConsumer<TaskHolder, long[]> add = (holder, counts) -> {
      if ((filter.skillCode() == null || filter.skillCode().equals(holder.skillCode())) && counted.test(holder.person())) {
        people.merge(holder.person(), counts, SettledTally::sum);
      }
    };
    settled.counts().forEach(add);
    if (filter.skillCode() == null) {
      unsettledTally.count(settled, clock.instant()).forEach((person, counts) -> {
        if (counted.test(person)) {
          people.merge(person, counts, SettledTally::sum);
        }
      });
    } else {
      countTasksHeld(settled.horizon(), null, true).forEach(add);
    }
    Map<String, String> names = ReportNames.displayNames(jdbc, people.keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    people.forEach((person, counts) -> rows.add(row("person", person, "name", names.get(person), "tasks", counts[0],
        "overdue", counts[1], "escalated", counts[2])));
    return new Report(ReportName.SLA_BREACHES.slug(), filter, List.of("person", "name", "tasks", "overdue", "escalated"),
        rows);
  }

  /**
   * The skill of a promotion's review round {@code p}, as the variable {@code v}: its business key is the
   * promotion's, shared by every skill, so the skill is the one the round was called for (its
   * {@code skillCode}, set by the call, at the instance's own scope).
   */
  private static final String PROMOTION_ROUND_SKILL = """
      v.proc_inst_id_ = p.id_ and v.execution_id_ = p.id_ and v.name_ = '%s' and p.business_key_ like '%s%%'"""
      .formatted(ApplicationVariables.SKILL_CODE, ApplicationRegister.PROMOTION_PREFIX);

  /** Who held a task (an assessor or reviewer) and the skill of the application or endorsement it was for. */
  record TaskHolder(String person, String skillCode) {
  }

  /** The facts of {@link SlaPolicy.AssigneeChange} in the history: assignee link {@code l} of task {@code t}. */
  private static final SlaPolicy.Columns ASSIGNEE_HISTORY = new SlaPolicy.Columns("l.user_id_", "l.operation_type_",
      "l.timestamp_", "l.assigner_id_", "t.assignee_", "t.due_date_", "t.end_time_", ":now");

  /** Per person: tasks held, overdue in their hands, escalated, by the conditions of {@link SlaPolicy} (see {@link #slaBreaches}). */
  private static final String TASKS_HELD = """
      count(distinct t.id_) as tasks,
      count(distinct case when %s then t.id_ end) as overdue,
      count(distinct case when %s then t.id_ end) as escalated""".formatted(
      SlaPolicy.OVERDUE.sql(ASSIGNEE_HISTORY), SlaPolicy.ESCALATED.sql(ASSIGNEE_HISTORY));

  private static List<String> slaTaskConditions() {
    return new ArrayList<>(List.of("l.type_ = 'assignee'", "l.user_id_ is not null", "t.due_date_ is not null",
        "t.task_def_key_ in (" + SLA_TASK_KEYS + ")"));
  }

  /**
   * Tasks held per person and skill, of the tasks that ended in [from, to); with {@code to} open,
   * also the tasks still open (whose overdue count depends on now).
   */
  private Map<TaskHolder, long[]> countTasksHeld(Instant from, Instant to) {
    return countTasksHeld(from, to, true);
  }

  /** As {@link #countTasksHeld(Instant, Instant)}; without {@code bySkill} per person only (skill null). */
  private Map<TaskHolder, long[]> countTasksHeld(Instant from, Instant to, boolean bySkill) {
    List<String> where = slaTaskConditions();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("now", Timestamp.from(clock.instant()));
    if (from != null) {
      parameters.put("endedFrom", Timestamp.from(from));
    }
    if (to != null) {
      where.add("t.end_time_ < :endedBefore");
      parameters.put("endedBefore", Timestamp.from(to));
      if (from != null) {
        where.add("t.end_time_ >= :endedFrom");
      }
    } else {
      where.add(from == null ? "1 = 1" : "(t.end_time_ is null or t.end_time_ >= :endedFrom)");
    }
    String skill = bySkill ? "coalesce(a.skill_code, n.skill_code, v.text_)" : "cast(null as varchar(16))";
    String skillJoins = bySkill ? """
        left join act_hi_procinst p on p.id_ = t.proc_inst_id_
        left join application a on a.business_key = p.business_key_
        left join endorsement n on n.business_key = p.business_key_
        left join act_hi_varinst v on %s""".formatted(PROMOTION_ROUND_SKILL) : "";
    Map<TaskHolder, long[]> counts = new HashMap<>();
    jdbc.sql("""
        select l.user_id_ as person, %s as skill_code, %s
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        %s
        where %s
        group by l.user_id_%s""".formatted(skill, TASKS_HELD, skillJoins, String.join("\n  and ", where),
        bySkill ? ", " + skill : ""))
        .params(parameters)
        .query((rs, row) -> counts.merge(new TaskHolder(rs.getString("person"), rs.getString("skill_code")),
            new long[] {rs.getLong("tasks"), rs.getLong("overdue"), rs.getLong("escalated")}, SettledTally::sum))
        .list();
    return counts;
  }

  /** Everyone below the line manager, at any depth (the team filter's rule, as {@link ReportConditions#with()} has it). */
  private Set<String> teamOf(String lineManager) {
    ReportConditions conditions = new ReportConditions(new ReportFilter(null, null, null, lineManager));
    return new HashSet<>(jdbc.sql(conditions.with() + "select user_id from team").params(conditions.parameters)
        .query(String.class).list());
  }

  /** {@link #slaBreaches} queried over every task held: for a period (and what the tallies must agree with). */
  private Report slaBreachesQueried(ReportFilter filter) {
    ReportConditions held = new ReportConditions(filter);
    List<String> where = slaTaskConditions();
    if (filter.from() != null) {
      where.add("t.start_time_ >= :startTimestamp");
      held.bind("startTimestamp", Timestamp.from(filter.start(zone).toInstant()));
    }
    if (filter.to() != null) {
      where.add("t.start_time_ < :endTimestamp");
      held.bind("endTimestamp", Timestamp.from(filter.end(zone).toInstant()));
    }
    if (filter.skillCode() != null) {
      where.add("""
          (t.proc_inst_id_ in (select p.id_ from act_hi_procinst p where p.business_key_ in (
            select business_key from application where skill_code = :skill
            union all select business_key from endorsement where skill_code = :skill))
          or t.proc_inst_id_ in (select p.id_ from act_hi_procinst p join act_hi_varinst v on %s
            where v.text_ = :skill))""".formatted(PROMOTION_ROUND_SKILL));
      held.bind("skill", filter.skillCode());
    }
    if (filter.team() != null) {
      where.add("l.user_id_ in (select user_id from team)");
    }
    held.bind("now", Timestamp.from(clock.instant()));
    String sql = held.with() + """
        select l.user_id_ as person, max(e.display_name) as display_name, %s
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        left join engineer e on e.user_id = l.user_id_
        where %s
        group by l.user_id_
        order by l.user_id_""".formatted(TASKS_HELD, String.join("\n  and ", where));
    return new Report(ReportName.SLA_BREACHES.slug(), filter, List.of("person", "name", "tasks", "overdue", "escalated"),
        held.query(jdbc, sql, (rs, row) -> row("person", rs.getString("person"), "name", rs.getString("display_name"),
            "tasks", rs.getLong("tasks"), "overdue", rs.getLong("overdue"), "escalated", rs.getLong("escalated"))));
  }

  /**
   * Per target level (the correlation between credentials and careers): promotion applications started
   * in the period, how many were promoted, not promoted or are still open, and the median number of
   * credentials the candidates held (issued and not revoked) on the day they applied, as the register wrote it then.
   */
  Report credentialsAndPromotions(ReportFilter filter) {
    ReportConditions started = SubmissionsReport.promotionConditions(filter, zoned);
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
