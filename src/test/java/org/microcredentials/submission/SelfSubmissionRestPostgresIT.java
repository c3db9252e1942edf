package org.microcredentials.submission;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SelfSubmissionRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
class SelfSubmissionRestPostgresIT extends SelfSubmissionRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
