package org.microcredentials.testing;

import java.time.Instant;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** What every application test shares: a clock tests move, and process test coverage. */
@org.springframework.boot.test.context.TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
public class TestConfiguration {

  public static final Instant MID_NOVEMBER_2026 = Instant.parse("2026-11-16T10:00:00Z");

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(MID_NOVEMBER_2026);
  }

  /** Process tests (classes named *ProcessTest) must cover at least 90% of their model. */
  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(0.9)
        .addInclusionPatternForTestClasses("*ProcessTest")
        .build();
  }
}
