package org.microcredentials.submission;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * At most N (2) self-submissions per candidate per calendar month of the organisation's time
 * zone. Resubmissions never count.
 */
@Component
public class SubmissionLimits {

  /** A calendar month as the half-open interval of instants [start, end). */
  public record Month(YearMonth month, Instant start, Instant end) {
  }

  private final int monthlyCap;
  private final ZoneId zone;

  public SubmissionLimits(MicroCredentialsProperties properties) {
    this.monthlyCap = properties.monthlyCap();
    this.zone = properties.timeZone();
  }

  public Month monthOf(Instant moment) {
    YearMonth month = YearMonth.from(moment.atZone(zone));
    return new Month(month, month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  public void checkMonthlyCap(long submittedThisMonth, Month month) {
    if (submittedThisMonth >= monthlyCap) {
      throw RuleViolation.conflict("monthly-cap",
          "Monthly cap reached: at most " + monthlyCap + " self-submissions per calendar month ("
              + month.month() + " already has " + submittedThisMonth + "); resubmissions do not count. "
              + "Submit again from " + month.end().atZone(zone).toLocalDate() + ".");
    }
  }
}
