package org.microcredentials.security;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EngineAllowListIT} on a real PostgreSQL. */
class EngineAllowListPostgresIT extends EngineAllowListIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
