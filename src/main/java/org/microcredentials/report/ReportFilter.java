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

  public ReportFilter {
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
