package org.microcredentials.promotion;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The periods in which promotions are decided. Applications may be made at any time; the decision
 * waits for a window. A window runs from the start of its first day to the end of its last day in
 * the organisation's time zone.
 */
@Component
public class PromotionWindows {

  /** One window: both days included. */
  public record Window(LocalDate firstDay, LocalDate lastDay) {

    static Window parse(String interval) {
      String[] days = interval.split("/");
      try {
        if (days.length != 2) {
          throw new DateTimeException("two dates separated by '/' expected");
        }
        Window window = new Window(LocalDate.parse(days[0].strip()), LocalDate.parse(days[1].strip()));
        if (window.lastDay().isBefore(window.firstDay())) {
          throw new DateTimeException("the last day comes before the first");
        }
        return window;
      } catch (DateTimeException wrong) {
        throw new IllegalArgumentException("microcredentials.promotion.windows: '" + interval
            + "' is not an ISO-8601 date interval such as 2027-03-01/2027-03-31 (" + wrong.getMessage() + ")", wrong);
      }
    }

    Instant opens(ZoneId zone) {
      return firstDay.atStartOfDay(zone).toInstant();
    }

    Instant closes(ZoneId zone) {
      return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
  }

  private final List<Window> windows;
  private final ZoneId zone;

  public PromotionWindows(PromotionProperties promotion, MicroCredentialsProperties organisation) {
    List<Window> parsed = new ArrayList<>(promotion.windows().stream().map(Window::parse).toList());
    parsed.sort(Comparator.comparing(Window::firstDay));
    this.windows = List.copyOf(parsed);
    this.zone = organisation.timeZone();
  }

  public List<Window> windows() {
    return windows;
  }

  /** Whether a decision may be taken at this moment. */
  public boolean isOpen(Instant moment) {
    return windows.stream().anyMatch(window -> !moment.isBefore(window.opens(zone)) && moment.isBefore(window.closes(zone)));
  }

  /**
   * Refuses a decision taken outside every window: the decision is taken only inside one (docs/rules.md, "Promotion").
   * The model lets the decision task appear only while a window is open, but a task created on a window's
   * last day can still be completed after the window closed: the moment of the decision is what counts, so
   * the completion is checked too. Any open window will do, not only the one the task was created in: an
   * application that waited for the next window is decided in it.
   */
  public void checkOpenForDecision(Instant moment) {
    if (isOpen(moment)) {
      return;
    }
    String next = nextOpening(moment).map(opens -> "the next opens on " + opens.atZone(zone).toLocalDate())
        .orElse("none is configured ahead");
    throw RuleViolation.conflict("promotion-window-closed", "Promotions are decided only inside a promotion window, "
        + "and none is open on " + moment.atZone(zone).toLocalDate() + " (" + next + "). Nothing was recorded; "
        + "the decision task stays open for the next window.");
  }

  /** When the next window opens after this moment; empty when none is configured after it. */
  public Optional<Instant> nextOpening(Instant moment) {
    return windows.stream().map(window -> window.opens(zone)).filter(opens -> opens.isAfter(moment)).findFirst();
  }
}
