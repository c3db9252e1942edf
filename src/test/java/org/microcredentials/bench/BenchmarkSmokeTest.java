package org.microcredentials.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.report.ReportName;

/**
 * The whole benchmark in a few seconds, in the default test run, so the harness cannot rot: every
 * measurement runs and yields a figure. Its figures mean nothing (cells far too short); the real
 * run is {@code mvn -Pbench verify} ({@link PerformanceBenchmark}).
 */
@Tag("benchmark")
class BenchmarkSmokeTest {

  @Test
  void everyMeasurementRunsAndPrintsItsRow() throws Exception {
    Benchmark.Report report = new Benchmark(Benchmark.Settings.smoke()).run();

    assertThat(report.rows()).extracting(Benchmark.Row::measure).anySatisfy(
            measure -> assertThat(measure).startsWith("self-submission / reference"))
        .anySatisfy(measure -> assertThat(measure).startsWith("engine tx/s"))
        .anySatisfy(measure -> assertThat(measure).startsWith("database: JDBC"))
        .anySatisfy(measure -> assertThat(measure).startsWith("POST /engine-rest/task/{id}/complete"))
        .anySatisfy(measure -> assertThat(measure).startsWith("GET /api/engineers/{id}/credentials"))
        .anySatisfy(measure -> assertThat(measure).startsWith("heap in use"))
        .anySatisfy(measure -> assertThat(measure).startsWith("bulk load"))
        .anySatisfy(measure -> assertThat(measure).startsWith("Tasklist's group task page"))
        .anySatisfy(measure -> assertThat(measure).startsWith("report sla-breaches"))
        .anySatisfy(measure -> assertThat(measure).startsWith("report credentials-by-skill-level (GET /api/reports/"
            + "credentials-by-skill-level, CSV"));
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("reports from tallies"))
        .singleElement().satisfies(row -> assertThat(row.met()).as(row.figure()).isTrue());
    // Every report is measured.
    for (ReportName name : ReportName.values()) {
      assertThat(report.rows()).extracting(Benchmark.Row::measure)
          .anySatisfy(measure -> assertThat(measure).startsWith("report " + name.slug() + " "));
    }
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.figure()).isNotBlank().doesNotContain("NaN"));
    assertThat(report.table()).contains("| measure | figure | target |");
  }
}
