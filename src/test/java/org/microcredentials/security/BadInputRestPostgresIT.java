package org.microcredentials.security;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BadInputRestIT} on a real PostgreSQL: the same requests, the same refusals, nothing half-written. */
class BadInputRestPostgresIT extends BadInputRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
