package org.microcredentials.security;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ApplicationVisibilityIT} on a real PostgreSQL. */
class ApplicationVisibilityPostgresIT extends ApplicationVisibilityIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
