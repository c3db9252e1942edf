package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;

class SubmissionLimitsTest {

  private static SubmissionLimits in(String zone) {
    return new SubmissionLimits(new MicroCredentialsProperties(null, null, ZoneId.of(zone), null, null, null));
  }

  @Test
  void twoSubmissionsAMonthAreAllowedAThirdIsNot() {
    SubmissionLimits limits = in("Europe/London");
    SubmissionLimits.Month month = limits.monthOf(Instant.parse("2026-11-16T10:00:00Z"));
    assertThatCode(() -> limits.checkMonthlyCap(0, month)).doesNotThrowAnyException();
    assertThatCode(() -> limits.checkMonthlyCap(1, month)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.checkMonthlyCap(2, month))
        .hasMessageContaining("Monthly cap reached: at most 2 self-submissions per calendar month (2026-11")
        .hasMessageContaining("Submit again from 2026-12-01");
  }

  @Test
  void aMonthRunsFromMidnightToMidnightInTheOrganisationsZone() {
    SubmissionLimits london = in("Europe/London");
    // Summer time: London's April starts at 23:00 UTC on 31 March.
    assertThat(london.monthOf(Instant.parse("2026-03-31T22:59:59Z")).month()).isEqualTo(YearMonth.of(2026, 3));
    assertThat(london.monthOf(Instant.parse("2026-03-31T23:00:00Z")).month()).isEqualTo(YearMonth.of(2026, 4));
    SubmissionLimits.Month april = london.monthOf(Instant.parse("2026-04-10T12:00:00Z"));
    assertThat(april.start()).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
    assertThat(april.end()).isEqualTo(Instant.parse("2026-04-30T23:00:00Z"));
  }

  @Test
  void theSameInstantFallsInDifferentMonthsInDifferentZones() {
    Instant newYearInTokyo = Instant.parse("2026-12-31T16:30:00Z");
    assertThat(in("Asia/Tokyo").monthOf(newYearInTokyo).month()).isEqualTo(YearMonth.of(2027, 1));
    assertThat(in("America/New_York").monthOf(newYearInTokyo).month()).isEqualTo(YearMonth.of(2026, 12));
  }

  @Test
  void theCapIsConfigurable() {
    SubmissionLimits three = new SubmissionLimits(new MicroCredentialsProperties(null, 3, null, null, null, null));
    SubmissionLimits.Month month = three.monthOf(Instant.parse("2026-11-16T10:00:00Z"));
    assertThatCode(() -> three.checkMonthlyCap(2, month)).doesNotThrowAnyException();
    assertThatThrownBy(() -> three.checkMonthlyCap(3, month)).hasMessageContaining("at most 3");
  }
}
