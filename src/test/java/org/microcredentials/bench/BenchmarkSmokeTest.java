package org.microcredentials.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        .anySatisfy(measure -> assertThat(measure).startsWith("a worker's time per flow"))
        .anySatisfy(measure -> assertThat(measure).startsWith("engine tx/s"))
        .anySatisfy(measure -> assertThat(measure).startsWith("database: JDBC"))
        .anySatisfy(measure -> assertThat(measure).startsWith("POST /engine-rest/task/{id}/complete (self-submission"))
        .anySatisfy(measure -> assertThat(measure).startsWith("POST /engine-rest/task/{id}/complete (reference model"))
        .anySatisfy(measure -> assertThat(measure).startsWith("GET /api/engineers/{id}/credentials"))
        .anySatisfy(measure -> assertThat(measure).startsWith("GET /api/credentials/status/{n}"))
        .anySatisfy(measure -> assertThat(measure).startsWith("heap in use"))
        .anySatisfy(measure -> assertThat(measure).startsWith("bulk load"))
        .anySatisfy(measure -> assertThat(measure).startsWith("Tasklist's group task page"))
        .anySatisfy(measure -> assertThat(measure).startsWith("enable_material on (PostgreSQL's default) / off for the "
            + "application's connections: Tasklist's group task page"))
        .anySatisfy(measure -> assertThat(measure).startsWith("report sla-breaches"))
        .anySatisfy(measure -> assertThat(measure).startsWith("report credentials-by-skill-level (GET /api/reports/"
            + "credentials-by-skill-level, CSV"));
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("reports from tallies"))
        .singleElement().satisfies(row -> assertThat(row.met()).as(row.figure()).isTrue());
    // Every target is checked within the run: a targeted row is met or not, never merely informed.
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("task completion through REST, p99 at 4 "))
        .singleElement().satisfies(row -> {
          assertThat(row.target()).isEqualTo("<= 1.25");
          assertThat(row.met()).isNotNull();
        });
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("GET /api/engineers/{id}/credentials, 4 "))
        .singleElement().satisfies(row -> assertThat(row.target()).isEqualTo("p99 <= 50.0 ms"));
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("heap in use"))
        .singleElement().satisfies(row -> {
          assertThat(row.target()).isEqualTo("<= 128 MB");
          assertThat(row.met()).isNotNull();
        });
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("credentials of one engineer among"))
        .singleElement().satisfies(row -> assertThat(row.target()).isEqualTo("p95 <= 10.0 ms"));
    // The database is probed before, between and after the widths (1 and 2 here): three slices.
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("database: JDBC"))
        .singleElement().satisfies(row -> assertThat(row.measure()).contains("3 slices"));
    assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("engine tx/s"))
        .singleElement().satisfies(row -> {
          assertThat(row.met()).isNotNull();
          if (row.figure().startsWith("spread too large")) {
            assertThat(row.met()).isFalse();
          }
        });
    // Every report is measured, for the whole organisation and for one team, each with its target.
    for (ReportName name : ReportName.values()) {
      assertThat(report.rows()).filteredOn(row -> row.measure().startsWith("report " + name.slug() + " "))
          .anySatisfy(row -> assertThat(row.measure()).doesNotContain("?team="))
          .anySatisfy(row -> assertThat(row.measure()).contains("?team="))
          .allSatisfy(row -> assertThat(row.target()).isEqualTo("p95 <= 200 ms"));
    }
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.figure()).isNotBlank().doesNotContain("NaN"));
    assertThat(report.table()).contains("| measure | figure | target |");
  }

  @Test
  void theEngineIsComparedWithTheDatabaseOnlyWhileTheDatabaseHoldsStill() {
    Benchmark.Row steady = Benchmark.engineShareRow(200, List.of(1000.0, 1100.0, 950.0, 1020.0));
    assertThat(steady.figure()).startsWith("0.198 (200 / 1010; spread 0.15)");
    assertThat(steady.met()).isTrue();

    Benchmark.Row below = Benchmark.engineShareRow(100, List.of(1000.0, 1100.0, 950.0, 1020.0));
    assertThat(below.met()).isFalse();

    Benchmark.Row drifting = Benchmark.engineShareRow(400, List.of(2600.0, 1800.0, 1459.0));
    assertThat(drifting.figure()).startsWith("spread too large: 0.63");
    assertThat(drifting.cell()).isEqualTo("NOT met");
  }
}
