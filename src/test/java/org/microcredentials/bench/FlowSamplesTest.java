package org.microcredentials.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowSamplesTest {

  @Test
  void aSampleCountsForTheInnermostFrameOfACategory() {
    assertThat(FlowSamples.whatRuns(List.of("java.util.HashMap.get", "org.postgresql.core.v3.QueryExecutorImpl.execute",
        "org.springframework.jdbc.core.JdbcTemplate.query", "org.microcredentials.application.ApplicationRegister.find")))
        .isEqualTo("JDBC driver and connection pool");
    assertThat(FlowSamples.whatRuns(List.of("java.lang.String.hashCode",
        "org.microcredentials.application.ApplicationRegister.find", "org.apache.ibatis.executor.BaseExecutor.query")))
        .isEqualTo("our listeners, delegates and rules");
  }

  @Test
  void theHarnessIsNotOurs() {
    assertThat(FlowSamples.whatRuns(List.of("org.microcredentials.bench.Benchmark.work",
        "org.microcredentials.process.PeoplesCommandsRetried$RunAgainOnConflict.execute")))
        .isEqualTo("the harness");
  }

  @Test
  void aSampleOfNoCategoryIsOther() {
    assertThat(FlowSamples.whatRuns(List.of("java.util.HashMap.get", "java.lang.Thread.run")))
        .isEqualTo(FlowSamples.OTHER);
  }

  @Test
  void onWhoseBehalfReadsTheWholeStack() {
    assertThat(FlowSamples.onWhoseBehalf(List.of("org.postgresql.jdbc.PgStatement.execute",
        "org.springframework.jdbc.core.JdbcTemplate.query", "org.camunda.bpm.engine.impl.history.event.HistoryEvent.x")))
        .containsExactlyInAnyOrder("our own SQL (Spring JDBC)", "engine history");
  }
}
