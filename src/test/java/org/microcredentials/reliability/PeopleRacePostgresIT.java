package org.microcredentials.reliability;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PeopleRaceIT} on a real PostgreSQL, whose row locks and isolation differ from H2's. */
class PeopleRacePostgresIT extends PeopleRaceIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
