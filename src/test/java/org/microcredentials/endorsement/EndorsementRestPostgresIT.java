package org.microcredentials.endorsement;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EndorsementRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
class EndorsementRestPostgresIT extends EndorsementRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
