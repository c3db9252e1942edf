package org.microcredentials.process;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ModelerDeploymentsIT} on a real PostgreSQL. */
class ModelerDeploymentsPostgresIT extends ModelerDeploymentsIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
