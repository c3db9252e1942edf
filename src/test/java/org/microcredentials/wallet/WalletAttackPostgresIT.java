package org.microcredentials.wallet;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link WalletAttackIT} on a real PostgreSQL: the waiting consents (V26) and their order, the expiry
 * of unused registrations, the revocation of whole grants.
 */
class WalletAttackPostgresIT extends WalletAttackIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
