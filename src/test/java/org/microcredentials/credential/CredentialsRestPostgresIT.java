package org.microcredentials.credential;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CredentialsRestIT} on a real PostgreSQL: the V4 tables, row locks and timestamps. */
class CredentialsRestPostgresIT extends CredentialsRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
