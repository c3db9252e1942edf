package org.microcredentials.promotion;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Promotion settings an organisation tunes without a code change (prefix {@code microcredentials.promotion}).
 *
 * @param windows the promotion windows: ISO-8601 date intervals in the organisation's time zone, both
 *     days included, e.g. {@code 2027-03-01/2027-03-31}; decisions are taken only inside one
 */
@ConfigurationProperties("microcredentials.promotion")
public record PromotionProperties(List<String> windows) {

  public PromotionProperties {
    windows = windows == null ? List.of() : List.copyOf(windows);
  }
}
