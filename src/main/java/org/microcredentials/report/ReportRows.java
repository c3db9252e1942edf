package org.microcredentials.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the reports write their values: rows in column order, days rounded, percentiles. */
final class ReportRows {

  private ReportRows() {
  }

  static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  /** Days to a tenth. */
  static double rounded(double days) {
    return Math.round(days * 10) / 10.0;
  }

  /**
   * The continuous percentile of sorted values, as SQL's {@code percentile_cont} computes it: the value
   * at position {@code fraction * (n - 1)}, interpolated between its two neighbours.
   */
  static double percentile(double[] sorted, double fraction) {
    double position = fraction * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
