package org.microcredentials.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.submission.ApplicationRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reports, each one set-based query over our tables ({@code application}, {@code endorsement},
 * {@code credential}, {@code engineer}, {@code skill}) or Camunda's history ({@code ACT_HI_TASKINST},
 * {@code ACT_HI_IDENTITYLINK}, {@code ACT_HI_PROCINST}): the database groups and counts, Java
 * only names the columns. Months and quarters are those of the organisation's time zone. The
 * SQL is portable between H2 and PostgreSQL ({@code AT TIME ZONE}, {@code EXTRACT},
 * {@code PERCENTILE_CONT ... WITHIN GROUP}, {@code WITH RECURSIVE}); the indexes it reads are in
 * {@code V5__report_indexes.sql}.
 */
@Component
public class Reports {

  /** The assessor and reviewer tasks whose deadlines the SLA report watches (CONTRACT.md: per assessor or reviewer). */
  static final List<String> SLA_TASKS = List.of("Task_AssessEvidence", "Task_ReassessEvidence", "Task_ModerateScore",
      "Task_PeerReview", "Task_ReviewEndorsement");

  private static final String PASSED = ApplicationRegister.Status.PASSED.name();
  private static final String FAILED = ApplicationRegister.Status.FAILED.name();
  private static final String APPROVED = EndorsementRegister.Status.APPROVED.name();
  private static final String WITHDRAWN = EndorsementRegister.Status.WITHDRAWN.name();

  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final Clock clock;

  Reports(JdbcClient jdbc, MicroCredentialsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.zone = properties.timeZone();
    this.clock = clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public Report report(ReportName name, ReportFilter filter) {
    return switch (name) {
      case SUBMISSIONS -> submissions(filter);
      case PASS_RATE -> passRate(filter);
      case TIME_TO_OUTCOME -> timeToOutcome(filter);
      case TIME_TO_ENDORSEMENT -> timeToEndorsement(filter);
      case SLA_BREACHES -> slaBreaches(filter);
      case CREDENTIALS_BY_SKILL_LEVEL -> credentialsBySkillLevel(filter);
      case ENDORSEMENTS_BY_ENDORSER -> endorsementsByEndorser(filter);
      case CREDENTIALS_AND_PROMOTIONS -> throw new ReportNotAvailable(name);
    };
  }

  /** Per month of start and source: how many started, and how many of those passed, failed or are still open. */
  Report submissions(ReportFilter filter) {
    Conditions applications = conditions(filter, "submitted_at", "candidate_id", "skill_code");
    Conditions endorsements = conditions(filter, "started_at", "candidate_id", "skill_code");
    String sql = applications.with() + """
        select year_month, source, count(*) as started,
          sum(case when status in ('%s', '%s') then 1 else 0 end) as passed,
          sum(case when status in ('%s', '%s') then 1 else 0 end) as failed,
          sum(case when status not in ('%s', '%s', '%s', '%s') then 1 else 0 end) as still_open
        from (
          select %s as year_month, 'SELF_SUBMISSION' as source, status from application %s
          union all
          select %s as year_month, 'ENDORSEMENT' as source, status from endorsement %s
        ) started
        group by year_month, source
        order by year_month, source""".formatted(PASSED, APPROVED, FAILED, WITHDRAWN, PASSED, APPROVED, FAILED,
        WITHDRAWN, month("submitted_at"), applications.where(), month("started_at"), endorsements.where());
    return new Report(ReportName.SUBMISSIONS.slug(), filter, List.of("month", "source", "started", "passed", "failed", "open"),
        query(sql, applications, (rs, row) -> row(
            "month", yearMonth(rs.getInt("year_month")),
            "source", rs.getString("source"),
            "started", rs.getLong("started"),
            "passed", rs.getLong("passed"),
            "failed", rs.getLong("failed"),
            "open", rs.getLong("still_open"))));
  }

  /** Per skill and level: self-submissions decided (passed or failed for good) in the period, and the share passed. */
  Report passRate(ReportFilter filter) {
    Conditions decided = conditions(filter, "a.closed_at", "a.candidate_id", "a.skill_code");
    String sql = decided.with() + """
        select a.skill_code, max(s.name) as skill_name, a.skill_level, count(*) as assessed,
          sum(case when a.status = '%s' then 1 else 0 end) as passed
        from application a
        left join skill s on s.framework_version = a.framework_version and s.code = a.skill_code
        %s and a.status in ('%s', '%s')
        group by a.skill_code, a.skill_level
        order by a.skill_code, a.skill_level""".formatted(PASSED, decided.whereOrTrue(), PASSED, FAILED);
    return new Report(ReportName.PASS_RATE.slug(), filter,
        List.of("skillCode", "skillName", "level", "assessed", "passed", "passRate"),
        query(sql, decided, (rs, row) -> {
          long assessed = rs.getLong("assessed");
          long passed = rs.getLong("passed");
          return row("skillCode", rs.getString("skill_code"), "skillName", rs.getString("skill_name"),
              "level", rs.getInt("skill_level"), "assessed", assessed, "passed", passed,
              "passRate", (double) passed / assessed);
        }));
  }

  /** Per month of outcome: median and 90th percentile of the days from submission to the final outcome. */
  Report timeToOutcome(ReportFilter filter) {
    Conditions decided = conditions(filter, "closed_at", "candidate_id", "skill_code");
    String sql = decided.with() + """
        select %s as year_month, count(*) as decided,
          percentile_cont(0.5) within group (order by %s) as median_days,
          percentile_cont(0.9) within group (order by %s) as p90_days
        from application %s and status in ('%s', '%s') and closed_at is not null
        group by %s
        order by year_month""".formatted(month("closed_at"), days("submitted_at", "closed_at"),
        days("submitted_at", "closed_at"), decided.whereOrTrue(), PASSED, FAILED, month("closed_at"));
    return new Report(ReportName.TIME_TO_OUTCOME.slug(), filter, List.of("month", "decided", "median", "p90"),
        query(sql, decided, (rs, row) -> row("month", yearMonth(rs.getInt("year_month")),
            "decided", rs.getLong("decided"), "median", rounded(rs.getDouble("median_days")),
            "p90", rounded(rs.getDouble("p90_days")))));
  }

  /** Per month of approval: median and 90th percentile of the days from an endorsement's start to its approval. */
  Report timeToEndorsement(ReportFilter filter) {
    Conditions approved = conditions(filter, "closed_at", "candidate_id", "skill_code");
    String sql = approved.with() + """
        select %s as year_month, count(*) as approved,
          percentile_cont(0.5) within group (order by %s) as median_days,
          percentile_cont(0.9) within group (order by %s) as p90_days
        from endorsement %s and status = '%s' and closed_at is not null
        group by %s
        order by year_month""".formatted(month("closed_at"), days("started_at", "closed_at"),
        days("started_at", "closed_at"), approved.whereOrTrue(), APPROVED, month("closed_at"));
    return new Report(ReportName.TIME_TO_ENDORSEMENT.slug(), filter, List.of("month", "approved", "median", "p90"),
        query(sql, approved, (rs, row) -> row("month", yearMonth(rs.getInt("year_month")),
            "approved", rs.getLong("approved"), "median", rounded(rs.getDouble("median_days")),
            "p90", rounded(rs.getDouble("p90_days")))));
  }

  /**
   * Per person who held an assessor or reviewer task (Camunda's history of assignees, so work
   * handed on counts for both): the tasks held; those overdue in their hands (held when the due
   * date passed: someone handed a task already late is not blamed for it); and those escalated,
   * which the SEM team took away from them after the due date (the escalation's last step).
   */
  Report slaBreaches(ReportFilter filter) {
    Conditions held = new Conditions(filter);
    List<String> where = new ArrayList<>(List.of("l.type_ = 'assignee'", "l.user_id_ is not null", "t.due_date_ is not null",
        "t.task_def_key_ in (" + String.join(", ", SLA_TASKS.stream().map(key -> "'" + key + "'").toList()) + ")"));
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
          t.proc_inst_id_ in (select p.id_ from act_hi_procinst p where p.business_key_ in (
            select business_key from application where skill_code = :skill
            union all select business_key from endorsement where skill_code = :skill))""");
      held.bind("skill", filter.skillCode());
    }
    if (filter.team() != null) {
      where.add("l.user_id_ in (select user_id from team)");
    }
    held.bind("now", Timestamp.from(clock.instant()));
    String sql = held.with() + """
        select l.user_id_ as person, max(e.display_name) as display_name, count(distinct t.id_) as tasks,
          count(distinct case
            when l.operation_type_ = 'add' and t.assignee_ = l.user_id_ and l.timestamp_ <= t.due_date_
              and coalesce(t.end_time_, :now) > t.due_date_ then t.id_
            when l.operation_type_ = 'delete' and l.timestamp_ > t.due_date_ then t.id_ end) as overdue,
          count(distinct case
            when l.operation_type_ = 'delete' and l.timestamp_ > t.due_date_
              and (l.assigner_id_ is null or l.assigner_id_ <> l.user_id_) then t.id_ end) as escalated
        from act_hi_identitylink l
        join act_hi_taskinst t on t.id_ = l.task_id_
        left join engineer e on e.user_id = l.user_id_
        where %s
        group by l.user_id_
        order by l.user_id_""".formatted(String.join("\n  and ", where));
    return new Report(ReportName.SLA_BREACHES.slug(), filter, List.of("person", "name", "tasks", "overdue", "escalated"),
        query(sql, held, (rs, row) -> row("person", rs.getString("person"), "name", rs.getString("display_name"),
            "tasks", rs.getLong("tasks"), "overdue", rs.getLong("overdue"), "escalated", rs.getLong("escalated"))));
  }

  /** Per quarter, skill and level: credentials issued in the quarter and credentials revoked in it (the inflation watch). */
  Report credentialsBySkillLevel(ReportFilter filter) {
    Conditions issued = conditions(filter, "issued_at", "holder_id", "skill_code");
    Conditions revoked = conditions(filter, "revoked_at", "holder_id", "skill_code");
    String sql = issued.with() + """
        select year_quarter, c.skill_code, max(s.name) as skill_name, c.skill_level,
          sum(issued) as issued, sum(revoked) as revoked
        from (
          select %s as year_quarter, skill_code, skill_level, framework_version, 1 as issued, 0 as revoked
          from credential %s
          union all
          select %s as year_quarter, skill_code, skill_level, framework_version, 0 as issued, 1 as revoked
          from credential %s and revoked and revoked_at is not null
        ) c
        left join skill s on s.framework_version = c.framework_version and s.code = c.skill_code
        group by year_quarter, c.skill_code, c.skill_level
        order by year_quarter, c.skill_code, c.skill_level""".formatted(quarter("issued_at"), issued.where(),
        quarter("revoked_at"), revoked.whereOrTrue());
    return new Report(ReportName.CREDENTIALS_BY_SKILL_LEVEL.slug(), filter,
        List.of("quarter", "skillCode", "skillName", "level", "issued", "revoked"),
        query(sql, issued, (rs, row) -> {
          int yearQuarter = rs.getInt("year_quarter");
          return row("quarter", "%d-Q%d".formatted(yearQuarter / 10, yearQuarter % 10),
              "skillCode", rs.getString("skill_code"), "skillName", rs.getString("skill_name"),
              "level", rs.getInt("skill_level"), "issued", rs.getLong("issued"), "revoked", rs.getLong("revoked"));
        }));
  }

  /** Per endorser (the abuse watch): endorsements started in the period, approved, withdrawn, and distinct candidates. */
  Report endorsementsByEndorser(ReportFilter filter) {
    Conditions started = conditions(filter, "n.started_at", "n.endorser_id", "n.skill_code");
    String sql = started.with() + """
        select n.endorser_id, max(e.display_name) as display_name, count(*) as started,
          sum(case when n.status = '%s' then 1 else 0 end) as approved,
          sum(case when n.status = '%s' then 1 else 0 end) as withdrawn,
          count(distinct n.candidate_id) as candidates
        from endorsement n
        left join engineer e on e.user_id = n.endorser_id
        %s
        group by n.endorser_id
        order by n.endorser_id""".formatted(APPROVED, WITHDRAWN, started.where());
    return new Report(ReportName.ENDORSEMENTS_BY_ENDORSER.slug(), filter,
        List.of("endorser", "name", "started", "approved", "withdrawn", "distinctCandidates"),
        query(sql, started, (rs, row) -> row("endorser", rs.getString("endorser_id"), "name", rs.getString("display_name"),
            "started", rs.getLong("started"), "approved", rs.getLong("approved"), "withdrawn", rs.getLong("withdrawn"),
            "distinctCandidates", rs.getLong("candidates"))));
  }

  private List<Map<String, Object>> query(String sql, Conditions conditions,
      org.springframework.jdbc.core.RowMapper<Map<String, Object>> mapper) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (Map.Entry<String, Object> parameter : conditions.parameters.entrySet()) {
      statement = statement.param(parameter.getKey(), parameter.getValue());
    }
    return statement.query(mapper).list();
  }

  /** The period, skill and team conditions on one table, with the columns that carry its moment, person and skill. */
  private Conditions conditions(ReportFilter filter, String momentColumn, String personColumn, String skillColumn) {
    Conditions conditions = new Conditions(filter);
    if (filter.from() != null) {
      conditions.add(momentColumn + " >= :start");
      conditions.bind("start", filter.start(zone).toOffsetDateTime());
    }
    if (filter.to() != null) {
      conditions.add(momentColumn + " < :end");
      conditions.bind("end", filter.end(zone).toOffsetDateTime());
    }
    if (filter.skillCode() != null) {
      conditions.add(skillColumn + " = :skill");
      conditions.bind("skill", filter.skillCode());
    }
    if (filter.team() != null) {
      conditions.add(personColumn + " in (select user_id from team)");
    }
    return conditions;
  }

  /** yyyymm of a moment, in the organisation's time zone. */
  private String month(String column) {
    String local = "(" + column + " at time zone '" + zone.getId() + "')";
    return "cast(extract(year from " + local + ") * 100 + extract(month from " + local + ") as integer)";
  }

  /** yyyyq of a moment, in the organisation's time zone. */
  private String quarter(String column) {
    String local = "(" + column + " at time zone '" + zone.getId() + "')";
    return "cast(extract(year from " + local + ") * 10 + extract(quarter from " + local + ") as integer)";
  }

  private static String days(String fromColumn, String toColumn) {
    return "cast((extract(epoch from " + toColumn + ") - extract(epoch from " + fromColumn + ")) / 86400.0 as double precision)";
  }

  private static String yearMonth(int yearMonth) {
    return "%d-%02d".formatted(yearMonth / 100, yearMonth % 100);
  }

  private static double rounded(double days) {
    return Math.round(days * 10) / 10.0;
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  /** Conditions and their parameters; the team, when filtered, as a recursive common table expression. */
  private static final class Conditions {

    private final ReportFilter filter;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Conditions(ReportFilter filter) {
      this.filter = filter;
      if (filter.team() != null) {
        parameters.put("team", filter.team());
      }
    }

    void add(String condition) {
      conditions.add(condition);
    }

    void bind(String name, Object value) {
      parameters.put(name, value);
    }

    /** Everyone below the line manager, at any depth. */
    String with() {
      return filter.team() == null ? "" : """
          with recursive team (user_id) as (
            select user_id from engineer where line_manager_id = :team
            union all
            select e.user_id from engineer e join team t on e.line_manager_id = t.user_id)
          """;
    }

    String where() {
      return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    /** A where clause further conditions can follow with {@code and}. */
    String whereOrTrue() {
      return conditions.isEmpty() ? "where 1 = 1" : where();
    }
  }
}
