package org.microcredentials.wallet;

import org.microcredentials.testing.OnPostgres;

/**
 * {@link WalletAttackIT} on a real PostgreSQL: the waiting consents (V26) and their order, the expiry
 * of unused registrations, the revocation of whole grants.
 */
@OnPostgres
class WalletAttackPostgresIT extends WalletAttackIT {
}
