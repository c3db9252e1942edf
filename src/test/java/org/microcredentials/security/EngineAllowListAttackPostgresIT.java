package org.microcredentials.security;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EngineAllowListAttackIT} on a real PostgreSQL. */
class EngineAllowListAttackPostgresIT extends EngineAllowListAttackIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
