package org.microcredentials.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A report as RFC 4180 CSV: a header line, one line per row, CRLF line ends, fields quoted when they need it. */
final class Csv {

  private Csv() {
  }

  static String of(Report report) {
    StringBuilder csv = new StringBuilder();
    line(csv, report.columns());
    for (Map<String, Object> row : report.rows()) {
      line(csv, report.columns().stream().map(row::get).toList());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<?> values) {
    csv.append(values.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
