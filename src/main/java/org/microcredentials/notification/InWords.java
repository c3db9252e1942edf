package org.microcredentials.notification;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured period as a mail says it: {@code P14D} is "two weeks", {@code P2Y} "two years", {@code P3M} "three
 * months", {@code P10D} "10 days". Whole weeks are said in weeks; counts up to twelve in words.
 */
final class InWords {

  private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve"};

  private InWords() {
  }

  static String of(Period period) {
    Period normalised = period.normalized();
    List<String> parts = new ArrayList<>();
    add(parts, normalised.getYears(), "year");
    add(parts, normalised.getMonths(), "month");
    int days = normalised.getDays();
    if (days % 7 == 0) {
      add(parts, days / 7, "week");
    } else {
      add(parts, days, "day");
    }
    return parts.isEmpty() ? "no time" : String.join(" and ", parts);
  }

  /** A duration of whole days as a {@link Period}; shorter ones (tests, demos) in hours and minutes. */
  static String of(Duration duration) {
    if (duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
      return of(Period.ofDays(Math.toIntExact(duration.toDays())));
    }
    List<String> parts = new ArrayList<>();
    add(parts, Math.toIntExact(duration.toHours()), "hour");
    add(parts, duration.toMinutesPart(), "minute");
    add(parts, duration.toSecondsPart(), "second");
    return String.join(" and ", parts);
  }

  private static void add(List<String> parts, int count, String unit) {
    if (count == 0) {
      return;
    }
    String number = count < SMALL.length ? SMALL[count] : String.valueOf(count);
    parts.add(number + " " + unit + (count == 1 ? "" : "s"));
  }
}
