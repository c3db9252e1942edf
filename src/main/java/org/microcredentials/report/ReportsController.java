package org.microcredentials.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.microcredentials.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{name}} (HTTP Basic, as all of /api) and the same data for the reports
 * page at {@code /reports/data/{name}} (Tasklist's session or HTTP Basic): JSON, or CSV with
 * {@code Accept: text/csv} (or {@code ?format=csv}, which a download link can carry).
 */
@RestController
class ReportsController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Reports reports;
  private final ReportReaders readers;

  ReportsController(Reports reports, ReportReaders readers) {
    this.reports = reports;
    this.readers = readers;
  }

  @GetMapping(value = {"/api/reports/{name}", "/reports/data/{name}"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Report json(@PathVariable String name, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String skillCode,
      @RequestParam(required = false) String team) {
    return compute(name, from, to, skillCode, team);
  }

  @GetMapping(value = {"/api/reports/{name}", "/reports/data/{name}"}, produces = "text/csv")
  ResponseEntity<String> csv(@PathVariable String name, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String skillCode,
      @RequestParam(required = false) String team) {
    return ResponseEntity.ok().contentType(TEXT_CSV).body(Csv.of(compute(name, from, to, skillCode, team)));
  }

  /** The CSV as a file to save: what the download link under each chart fetches. */
  @GetMapping(value = {"/api/reports/{name}", "/reports/data/{name}"}, params = "format=csv")
  ResponseEntity<String> csvDownload(@PathVariable String name, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String skillCode,
      @RequestParam(required = false) String team) {
    Report report = compute(name, from, to, skillCode, team);
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.name() + ".csv\"")
        .body(Csv.of(report));
  }

  private Report compute(String name, String from, String to, String skillCode, String team) {
    readers.requireReader();
    ReportName report = ReportName.of(name).orElseThrow(() ->
        RuleViolation.notFound("known-report", "There is no report '" + name + "'."));
    return reports.report(report, new ReportFilter(date("from", from), date("to", to), skillCode, team));
  }

  private static LocalDate date(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw RuleViolation.invalid("report-period", "'" + parameter + "' must be an ISO date (2026-11-30), not '" + value + "'.");
    }
  }
}
