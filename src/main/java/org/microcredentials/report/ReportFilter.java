package org.microcredentials.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.microcredentials.RuleViolation;

/**
 * What a report is narrowed to: days {@code from} and {@code to} (both included, in the
 * organisation's time zone), one skill, and one line manager's team (everyone who reports to
 * them, directly or through others). Every part is optional.
 */
public record ReportFilter(LocalDate from, LocalDate to, String skillCode, String team) {

  private static final String CODE = "[A-Za-z0-9_-]{1,64}";
  /**
   * The days a period may name. ISO dates reach year 999999999 either way ({@code +999999999-12-31}), which
   * no database timestamp holds and whose next day Java cannot compute: a bound refuses them as a broken rule
   * instead of failing on them. Wide enough for any record of ours, and for any period a reader means.
   */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  public ReportFilter {
    within("from", from);
    within("to", to);
    if (from != null && to != null && to.isBefore(from)) {
      throw RuleViolation.invalid("report-period", "'to' (" + to + ") lies before 'from' (" + from + ").");
    }
    skillCode = blankToNull(skillCode);
    team = blankToNull(team);
    if (skillCode != null && !skillCode.matches(CODE)) {
      throw RuleViolation.invalid("report-skill", "'" + skillCode + "' is not a skill code.");
    }
    if (team != null && !team.matches(CODE)) {
      throw RuleViolation.invalid("report-team", "'" + team + "' is not a user id.");
    }
  }

  private static void within(String parameter, LocalDate day) {
    if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
      throw RuleViolation.invalid("report-period", "'" + parameter + "' must be a day from " + EARLIEST + " to " + LATEST
          + ", not " + day + ".");
    }
  }

  public static ReportFilter none() {
    return new ReportFilter(null, null, null, null);
  }

  /** The first moment counted: the start of {@code from} in the organisation's time zone. */
  ZonedDateTime start(ZoneId zone) {
    return from == null ? null : from.atStartOfDay(zone);
  }

  /** The first moment no longer counted: the start of the day after {@code to}. */
  ZonedDateTime end(ZoneId zone) {
    return to == null ? null : to.plusDays(1).atStartOfDay(zone);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
