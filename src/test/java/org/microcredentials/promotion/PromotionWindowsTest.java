package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;

/** Windows in the organisation's time zone (Europe/London), both days included. */
class PromotionWindowsTest {

  static PromotionWindows windows(String... intervals) {
    return new PromotionWindows(new PromotionProperties(List.of(intervals)),
        new MicroCredentialsProperties(8, 2, ZoneId.of("Europe/London"), 4, 4, null));
  }

  @Test
  void aWindowRunsFromTheStartOfItsFirstDayToTheEndOfItsLastInTheOrganisationsZone() {
    PromotionWindows march = windows("2027-03-01/2027-03-31");
    assertThat(march.isOpen(Instant.parse("2027-02-28T23:59:59Z"))).isFalse();
    assertThat(march.isOpen(Instant.parse("2027-03-01T00:00:00Z"))).isTrue();
    // 31 March 2027 is in British Summer Time: the day ends at 23:00 UTC.
    assertThat(march.isOpen(Instant.parse("2027-03-31T22:59:59Z"))).isTrue();
    assertThat(march.isOpen(Instant.parse("2027-03-31T23:00:00Z"))).isFalse();
  }

  @Test
  void theNextOpeningIsTheFirstDayOfTheNextWindowWhicheverOrderTheyAreConfigured() {
    PromotionWindows twoAYear = windows("2027-09-01/2027-09-30", "2027-03-01/2027-03-31");
    assertThat(twoAYear.nextOpening(Instant.parse("2027-01-10T12:00:00Z"))).contains(Instant.parse("2027-03-01T00:00:00Z"));
    // September begins in summer time: midnight in London is 23:00 UTC the day before.
    assertThat(twoAYear.nextOpening(Instant.parse("2027-04-01T12:00:00Z"))).contains(Instant.parse("2027-08-31T23:00:00Z"));
    assertThat(twoAYear.nextOpening(Instant.parse("2027-10-01T12:00:00Z"))).isEmpty();
    assertThat(twoAYear.isOpen(Instant.parse("2027-06-15T12:00:00Z"))).isFalse();
  }

  @Test
  void aOneDayWindowAndNoWindowAtAll() {
    assertThat(windows("2027-03-01/2027-03-01").isOpen(Instant.parse("2027-03-01T12:00:00Z"))).isTrue();
    assertThat(windows().isOpen(Instant.parse("2027-03-01T12:00:00Z"))).isFalse();
    assertThat(windows().nextOpening(Instant.parse("2027-03-01T12:00:00Z"))).isEmpty();
  }

  @Test
  void aDecisionOutsideEveryWindowIsRefusedNamingTheNextOne() {
    PromotionWindows twoAYear = windows("2027-03-01/2027-03-31", "2027-09-01/2027-09-30");
    twoAYear.checkOpenForDecision(Instant.parse("2027-03-31T22:59:59Z"));
    assertThatThrownBy(() -> twoAYear.checkOpenForDecision(Instant.parse("2027-03-31T23:00:00Z")))
        .isInstanceOfSatisfying(RuleViolation.class, refused -> {
          assertThat(refused.rule()).isEqualTo("promotion-window-closed");
          assertThat(refused.httpStatus()).isEqualTo(409);
        })
        .hasMessageContaining("none is open on 2027-04-01").hasMessageContaining("the next opens on 2027-09-01");
    assertThatThrownBy(() -> windows().checkOpenForDecision(Instant.parse("2027-03-01T12:00:00Z")))
        .hasMessageContaining("none is configured ahead");
  }

  @Test
  void aMalformedWindowIsRefusedAtStartNamingTheSetting() {
    assertThatThrownBy(() -> windows("2027-03-31/2027-03-01")).hasMessageContaining("microcredentials.promotion.windows")
        .hasMessageContaining("2027-03-31/2027-03-01");
    assertThatThrownBy(() -> windows("March 2027")).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> windows("2027-02-30/2027-03-31")).hasMessageContaining("microcredentials.promotion.windows");
  }
}
