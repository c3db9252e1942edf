package org.microcredentials.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as RFC 4180 CSV: a header line, one line per row, CRLF line ends, fields quoted when they need it.
 *
 * <p>Reports are opened in spreadsheets, which run a cell that starts with {@code =}, {@code +}, {@code -} or
 * {@code @} (and, in some, a tab or carriage return first) as a formula: a skill or a person's name such as
 * {@code =HYPERLINK("https://evil.example","Open")} would become a link or a command in the reader's sheet
 * (OWASP, "CSV Injection"). Such a text cell is written with a single quote before it, as OWASP advises: the
 * sheet shows it as text. A cell is judged by its value's type, not by how it looks: a number (an
 * {@link Number}, e.g. a negative figure {@code -3}) is written as it is, so sums still work, and a text that
 * merely looks like a number ({@code "-3"}) is text and gets the quote; no report column mixes the two.
 */
final class Csv {

  /** OWASP's list of characters a spreadsheet takes as the start of a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

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
    if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
