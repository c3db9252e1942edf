package org.microcredentials.wallet;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WalletApiIT} on a real PostgreSQL: the V20 tables, the single use of a code, timestamps. */
class WalletApiPostgresIT extends WalletApiIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
