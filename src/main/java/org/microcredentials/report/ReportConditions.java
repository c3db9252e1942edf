package org.microcredentials.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conditions of a report's query and their parameters: the filter's period (days of the organisation's
 * time zone), skill and team, and the window of moments a tally reads ({@link #recordedIn}). The team is either
 * walked by the query itself (everyone below the line manager as a recursive common table expression: the full
 * query, {@link TalliedReport#queried}) or given as the members this read walked ({@link TeamMembership}), bound
 * as one array parameter.
 */
final class ReportConditions {

  private final ReportFilter filter;
  private final TeamMembership team;
  private final List<String> conditions = new ArrayList<>();
  final Map<String, Object> parameters = new LinkedHashMap<>();

  /**
   * {@code team}: the filter's team as this read walked it, or {@code null} for the query to walk it
   * ({@link #with()}).
   */
  ReportConditions(ReportFilter filter, TeamMembership team) {
    if (team != null && !team.lineManager().equals(filter.team())) {
      throw new IllegalArgumentException("The members of " + team.lineManager() + "'s team for a filter of " + filter);
    }
    this.filter = filter;
    this.team = team;
    if (team != null) {
      parameters.put("teamMembers", textArray(team.members()));
    } else if (filter.team() != null) {
      parameters.put("team", filter.team());
    }
  }

  /** The period, skill and team conditions on one table, with the columns that carry its moment, person and skill. */
  static ReportConditions of(ReportFilter filter, TeamMembership team, ZoneId zone, String momentColumn,
      String personColumn, String skillColumn) {
    return withSkillCondition(filter, team, zone, momentColumn, personColumn, skillColumn + " = :skill");
  }

  /** As above, with the skill's whole condition (on {@code :skill}) for a table that has no skill column. */
  static ReportConditions withSkillCondition(ReportFilter filter, TeamMembership team, ZoneId zone,
      String momentColumn, String personColumn, String skillCondition) {
    ReportConditions conditions = new ReportConditions(filter, team);
    if (filter.from() != null) {
      conditions.add(momentColumn + " >= :start");
      conditions.bind("start", filter.start(zone).toOffsetDateTime());
    }
    if (filter.to() != null) {
      conditions.add(momentColumn + " < :end");
      conditions.bind("end", filter.end(zone).toOffsetDateTime());
    }
    if (filter.skillCode() != null) {
      conditions.add(skillCondition);
      conditions.bind("skill", filter.skillCode());
    }
    if (filter.team() != null) {
      conditions.add(conditions.inTeam(personColumn));
    }
    return conditions;
  }

  /**
   * The condition that {@code personColumn} is one of the filter's team (which has one). The members given, as a
   * set of the array's elements: PostgreSQL estimates it by the array's length and hashes it; not
   * {@code = any(:teamMembers)}, which a generic plan (a statement prepared on the server, after five runs) checks
   * element by element (a team of 9,999, measured: 4.4-7.6 s to count its 479 among 4,847 recent credentials).
   * The cast tells H2 the parameter's type.
   */
  String inTeam(String personColumn) {
    return team == null ? personColumn + " in (select user_id from team)"
        : personColumn + " in (select * from unnest(cast(:teamMembers as varchar(64) array)))";
  }

  void add(String condition) {
    conditions.add(condition);
  }

  void bind(String name, Object value) {
    parameters.put(name, value);
  }

  /**
   * {@code column} within [from, to), the moments a tally reads ({@code null} leaves that end open; both open: any
   * row, as the full query reads them), bound to {@code :recordedFrom} and {@code :recordedTo}.
   */
  String recordedIn(String column, Instant from, Instant to) {
    List<String> window = new ArrayList<>();
    if (from != null) {
      window.add(column + " >= :recordedFrom");
      bind("recordedFrom", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    }
    if (to != null) {
      window.add(column + " < :recordedTo");
      bind("recordedTo", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
    return window.isEmpty() ? "1 = 1" : "(" + String.join(" and ", window) + ")";
  }

  /**
   * Everyone below the line manager, down to {@link TeamMembership#DEEPEST_LEVEL} levels, for a query that walks the
   * team itself. The depth ends the walk on a cycle in line management on both databases (neither H2's recursive
   * query nor, with the depth in its rows, PostgreSQL's ends otherwise); an engineer on a cycle comes once a lap,
   * which the conditions' {@code in (select user_id from team)} reads as once.
   */
  String with() {
    return filter.team() == null || team != null ? "" : """
        with recursive team (user_id, depth) as (
          select user_id, 1 from engineer where line_manager_id = :team
          union all
          select e.user_id, t.depth + 1 from engineer e join team t on e.line_manager_id = t.user_id
          where t.depth < %d)
        """.formatted(TeamMembership.DEEPEST_LEVEL);
  }

  /**
   * {@code table} (with its alias, if any) to read the rows recorded in {@code window} from: the window becomes one
   * of the conditions, but for a team's facts recorded since a moment (the recent part of a team's tally,
   * {@code from} given), which are read first, on their own, and only then checked against the team. PostgreSQL
   * cannot estimate the team's size (a recursive query) and otherwise probes each member's rows by person, 9,999
   * index lookups for a day's few facts; {@code offset 0 rows} keeps it from merging the window into the outer query.
   */
  String recordedFirst(String table, String window, Instant from) {
    if (from == null || filter.team() == null) {
      add(window);
      return table;
    }
    String alias = table.contains(" ") ? table.substring(table.lastIndexOf(' ') + 1) : table;
    return "(select * from " + table + " where " + window + " offset 0 rows) " + alias;
  }

  /** {@code values} as one SQL array parameter of text. */
  static AbstractSqlTypeValue textArray(Collection<String> values) {
    Object[] elements = values.toArray();
    return new AbstractSqlTypeValue() {
      @Override
      protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
          throws java.sql.SQLException {
        return connection.createArrayOf("varchar", elements);
      }
    };
  }

  String where() {
    return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
  }

  /** The conditions joined with {@code and}; {@code 1 = 1} when there are none. */
  String all() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
  }

  /** {@code sql} run with these parameters. */
  <T> List<T> query(JdbcClient jdbc, String sql, RowMapper<T> mapper) {
    return jdbc.sql(sql).params(parameters).query(mapper).list();
  }
}
