package org.microcredentials.wallet;

import org.microcredentials.testing.OnPostgres;

/** {@link WalletApiIT} on a real PostgreSQL: the V20 tables, the single use of a code, timestamps. */
@OnPostgres
class WalletApiPostgresIT extends WalletApiIT {
}
