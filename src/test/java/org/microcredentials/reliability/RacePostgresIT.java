package org.microcredentials.reliability;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RaceIT} on a real PostgreSQL, whose row locks and isolation differ from H2's. */
class RacePostgresIT extends RaceIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
