package org.microcredentials.report;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ReportsRestIT} on a real PostgreSQL: the same SQL, the same figures. */
class ReportsRestPostgresIT extends ReportsRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
