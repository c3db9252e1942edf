package org.microcredentials.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark: {@code mvn -Pbench verify} (only this class runs, under {@code -Xmx512m}).
 * Prints the table and writes it to docs/performance.md. It reports rather than fails: a missed
 * target is a finding for the page, with what bounds it.
 */
class PerformanceBenchmark {

  @Test
  void measureAndWriteDocsPerformance() throws Exception {
    Benchmark.Report report = new Benchmark(Benchmark.Settings.full()).run();
    Benchmark.writeTo(Path.of("docs/performance.md"), report);
  }
}
