package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class InWordsTest {

  @Test
  void wholeWeeksAreSaidInWeeksAndSmallCountsInWords() {
    assertThat(InWords.of(Duration.ofDays(14))).isEqualTo("two weeks");
    assertThat(InWords.of(Duration.ofDays(7))).isEqualTo("one week");
    assertThat(InWords.of(Duration.ofDays(10))).isEqualTo("ten days");
    assertThat(InWords.of(Duration.ofDays(90))).isEqualTo("90 days");
  }

  @Test
  void yearsAndMonthsAreSaidAsConfigured() {
    assertThat(InWords.of(Period.ofYears(2))).isEqualTo("two years");
    assertThat(InWords.of(Period.ofMonths(18))).isEqualTo("one year and six months");
    assertThat(InWords.of(Period.of(1, 0, 1))).isEqualTo("one year and one day");
  }

  @Test
  void periodsShorterThanADayAreSaidInHoursAndMinutes() {
    assertThat(InWords.of(Duration.ofMinutes(90))).isEqualTo("one hour and 30 minutes");
    assertThat(InWords.of(Duration.ofSeconds(30))).isEqualTo("30 seconds");
  }
}
